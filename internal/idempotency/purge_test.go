package idempotency_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/sqldb"
)

func TestPurgeEveryDeletesExpiredAnswersAtStartAndOnEveryTick(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		store := idempotency.NewStore(db)
		first := key(t, "key-1", `{"name":"x"}`)
		if err := command(idempotency.WithKey(t.Context(), first), db, "T-1"); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() {
			defer close(done)
			store.PurgeEvery(ctx, time.Nanosecond, 10*time.Millisecond, nil)
		}()
		waitGone(t, store, first, "the answer saved before the loop started")

		second := key(t, "key-2", `{"name":"y"}`)
		if err := command(idempotency.WithKey(t.Context(), second), db, "T-2"); err != nil {
			t.Fatal(err)
		}
		waitGone(t, store, second, "an answer saved while the loop runs")

		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("PurgeEvery did not return after its context was cancelled")
		}
	})
}

func TestPurgeEveryKeepsAnswersYoungerThanTheTTL(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		store := idempotency.NewStore(db)
		k := key(t, "key-1", `{"name":"x"}`)
		if err := command(idempotency.WithKey(t.Context(), k), db, "T-1"); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() {
			defer close(done)
			store.PurgeEvery(ctx, idempotency.DefaultTTL, time.Millisecond, nil)
		}()
		// Let it tick a few times; a purge that deleted the answer would show.
		deadline := time.Now().Add(100 * time.Millisecond)
		for time.Now().Before(deadline) {
			if _, err := store.Lookup(t.Context(), k); err != nil {
				t.Fatalf("Lookup of a fresh answer = %v, want it kept", err)
			}
			time.Sleep(5 * time.Millisecond) // polling interval
		}
		cancel()
		<-done
	})
}

// waitGone polls until k's answer is gone, failing after 10 s.
func waitGone(t *testing.T, store *idempotency.Store, k idempotency.Key, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := store.Lookup(t.Context(), k)
		if errors.Is(err, idempotency.ErrNotFound) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s still there after 10s: Lookup = %v", what, err)
		}
		time.Sleep(5 * time.Millisecond) // polling interval
	}
}
