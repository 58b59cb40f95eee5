package outbox

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// countingPublisher counts the messages it is given and accepts them all.
type countingPublisher struct{ n atomic.Int64 }

func (p *countingPublisher) Publish(_ string, msgs ...*message.Message) error {
	p.n.Add(int64(len(msgs)))
	return nil
}

func TestRelayWhoseListenFailsIsStillWokenByCommitsAndListensLater(t *testing.T) {
	db, err := sqldb.Open(t.Context(), "sqlite:"+filepath.Join(t.TempDir(), "outbox.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := Migrate(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	pub := &countingPublisher{}
	// The poll never fires: only a wake-up can make the relay publish.
	r, err := NewRelay(db, pub, RelayConfig{PollInterval: time.Hour}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu       sync.Mutex
		attempts int
		listened = make(chan struct{})
	)
	r.listenFn = func(ctx context.Context, channel string) (<-chan struct{}, error) {
		mu.Lock()
		defer mu.Unlock()
		attempts++
		if attempts < 3 {
			return nil, errors.New("LISTEN refused (test)")
		}
		close(listened)
		return db.Listen(ctx, channel)
	}
	appendEvent(t, db, "E-0", 1) // published by the relay's first look
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})

	waitUntil(t, "the backlog published at start", func() bool { return pub.n.Load() == 1 })
	// The relay has read the outbox and is waiting: only a wake-up brings it back.
	appendEvent(t, db, "E-1", 1)
	waitUntil(t, "an event published while LISTEN fails", func() bool { return pub.n.Load() == 2 })

	select {
	case <-listened: // the third attempt, after two backoffs of about 0.5 s and 1 s
	case <-time.After(10 * time.Second):
		t.Fatal("LISTEN was not retried in the background")
	}
	waitUntil(t, "the fallback unregistered", func() bool { return localWakes.n.Load() == 0 })
	appendEvent(t, db, "E-2", 1)
	waitUntil(t, "an event published through LISTEN", func() bool { return pub.n.Load() == 3 })
}

func appendEvent(t *testing.T, db *sqldb.DB, encounterID string, version int64) {
	t.Helper()
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	e, err := contracts.NewEvent(contracts.EncounterOpened{EncounterState: contracts.EncounterState{
		PatientID: "P-1", EncounterID: encounterID,
		Patient:   contracts.Patient{ID: "P-1", Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
		ArrivedAt: at, Status: contracts.EncounterStatusOpen,
	}}, contracts.Meta{OccurredAt: at, RecordedAt: at, AggregateVersion: version, Actor: contracts.Actor{ID: "N-17", Role: "nurse"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.InTx(t.Context(), func(tx *sqldb.Tx) error { return Append(t.Context(), tx, e) }); err != nil {
		t.Fatal(err)
	}
}

// waitUntil polls cond until it holds, failing the test after 10 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not a wait for an event
	}
}
