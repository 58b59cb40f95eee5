package idempotency_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/sqldb"
)

type answer struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// command inserts a thing and records the answer under the key in ctx.
func command(ctx context.Context, db *sqldb.DB, id string) error {
	return db.InTx(ctx, func(tx *sqldb.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO things (id) VALUES (?)", id); err != nil {
			return err
		}
		return idempotency.Record(ctx, tx, answer{ID: id, Version: 1})
	})
}

func things(t *testing.T, db *sqldb.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM things").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLookupReplaysTheRecordedAnswerOnlyForTheSameRequest(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		store := idempotency.NewStore(db)
		k := key(t, "key-1", `{"name":"x"}`)
		if _, err := store.Lookup(t.Context(), k); !errors.Is(err, idempotency.ErrNotFound) {
			t.Fatalf("Lookup before any command = %v, want ErrNotFound", err)
		}
		if err := command(idempotency.WithKey(t.Context(), k), db, "T-1"); err != nil {
			t.Fatalf("command: %v", err)
		}
		got, err := store.Lookup(t.Context(), k)
		if err != nil || string(got) != `{"id":"T-1","version":1}` {
			t.Errorf("Lookup = %s, %v; want the recorded answer", got, err)
		}
		if _, err := store.Lookup(t.Context(), key(t, "key-1", `{"name":"y"}`)); !errors.Is(err, idempotency.ErrKeyReused) {
			t.Errorf("Lookup with another body = %v, want ErrKeyReused", err)
		}
	})
}

func TestRecordWithoutAKeyDoesNothing(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		if err := command(t.Context(), db, "T-1"); err != nil {
			t.Fatalf("command: %v", err)
		}
		var n int
		if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM idempotency_keys").Scan(&n); err != nil || n != 0 {
			t.Errorf("idempotency_keys has %d rows (%v), want 0", n, err)
		}
	})
}

func TestAnAnswerIsSavedOnlyIfTheCommandCommits(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		k := key(t, "key-1", `{}`)
		ctx := idempotency.WithKey(t.Context(), k)
		boom := errors.New("boom")
		err := db.InTx(ctx, func(tx *sqldb.Tx) error {
			if err := idempotency.Record(ctx, tx, answer{ID: "T-1"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("InTx = %v", err)
		}
		if _, err := idempotency.NewStore(db).Lookup(t.Context(), k); !errors.Is(err, idempotency.ErrNotFound) {
			t.Errorf("Lookup after a rolled-back command = %v, want ErrNotFound", err)
		}
	})
}

func TestTheSecondOfTwoDuplicatesRollsBackWithErrDuplicate(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		ctx := idempotency.WithKey(t.Context(), key(t, "key-1", `{}`))
		if err := command(ctx, db, "T-1"); err != nil {
			t.Fatalf("first command: %v", err)
		}
		// The duplicate raced past Lookup and generated another id.
		if err := command(ctx, db, "T-2"); !errors.Is(err, idempotency.ErrDuplicate) {
			t.Errorf("second command = %v, want ErrDuplicate", err)
		}
		if n := things(t, db); n != 1 {
			t.Errorf("things = %d, want 1: the duplicate's write must roll back", n)
		}
	})
}

func TestConcurrentDuplicatesOnPostgresCommitOnce(t *testing.T) {
	t.Parallel()
	if pg == nil {
		t.Skip("PostgreSQL server binaries not installed")
	}
	db := openDB(t, pg.NewDatabase(t))
	ctx := idempotency.WithKey(t.Context(), key(t, "key-1", `{}`))
	errs := make(chan error, 8)
	for i := range 8 {
		go func() { errs <- command(ctx, db, "T-"+string(rune('a'+i))) }()
	}
	ok, dup := 0, 0
	for range 8 {
		switch err := <-errs; {
		case err == nil:
			ok++
		case errors.Is(err, idempotency.ErrDuplicate):
			dup++
		default:
			t.Errorf("command: %v", err)
		}
	}
	if ok != 1 || dup != 7 || things(t, db) != 1 {
		t.Errorf("%d committed, %d duplicates, %d things; want 1, 7, 1", ok, dup, things(t, db))
	}
}

func TestPurgeDeletesOnlyOldKeys(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		store := idempotency.NewStore(db)
		k := key(t, "key-1", `{}`)
		if err := command(idempotency.WithKey(t.Context(), k), db, "T-1"); err != nil {
			t.Fatal(err)
		}
		if n, err := store.Purge(t.Context(), time.Hour); err != nil || n != 0 {
			t.Errorf("Purge(1h) = %d, %v; want 0 (the key is fresh)", n, err)
		}
		if n, err := store.Purge(t.Context(), -time.Second); err != nil || n != 1 {
			t.Errorf("Purge(-1s) = %d, %v; want 1", n, err)
		}
		if _, err := store.Lookup(t.Context(), k); !errors.Is(err, idempotency.ErrNotFound) {
			t.Errorf("Lookup after Purge = %v, want ErrNotFound", err)
		}
	})
}
