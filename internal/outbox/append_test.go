package outbox_test

import (
	"errors"
	"maps"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

func TestAppendStoresTheEventAsEncodedWithTheTraceOfTheContext(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		e := encounterEvents(t, "P-1", "E-1", 1)[0]
		trace := outbox.Trace{CorrelationID: "corr-9", TraceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
		ctx := outbox.WithTrace(t.Context(), trace)
		if err := db.InTx(ctx, func(tx *sqldb.Tx) error { return outbox.Append(ctx, tx, e) }); err != nil {
			t.Fatalf("Append: %v", err)
		}
		pub := &fakePublisher{}
		startRelay(t, db, pub, outbox.RelayConfig{})
		eventually(t, "event published", func() bool { return len(pub.deliveries()) == 1 })

		e.CorrelationID, e.TraceParent = trace.CorrelationID, trace.TraceParent
		want, err := contracts.Encode(e)
		if err != nil {
			t.Fatal(err)
		}
		got := pub.deliveries()[0]
		if !maps.Equal(got.metadata, want.Headers) || string(got.body) != string(want.Body) {
			t.Errorf("published headers %v body %s, want %v %s", got.metadata, got.body, want.Headers, want.Body)
		}
		decoded, err := contracts.Decode(got.metadata, got.body)
		if err != nil || decoded.CorrelationID != "corr-9" || decoded.AggregateVersion != 1 {
			t.Errorf("Decode(published) = %+v, %v; want correlation corr-9, version 1", decoded, err)
		}
	})
}

func TestAppendRejectsAnEventThatBreaksItsContract(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		e := encounterEvents(t, "P-1", "E-1", 1)[0]
		e.AggregateVersion = 0
		err := db.InTx(t.Context(), func(tx *sqldb.Tx) error { return outbox.Append(t.Context(), tx, e) })
		var malformed *contracts.MalformedError
		if !errors.As(err, &malformed) {
			t.Errorf("Append = %v, want a *contracts.MalformedError", err)
		}
		if n := backlog(t, db); n != 0 {
			t.Errorf("backlog = %d after a rejected event, want 0", n)
		}
	})
}

func TestStateAndOutboxRowCommitTogetherOrNotAtAll(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		if _, err := db.ExecContext(t.Context(), "CREATE TABLE records (id TEXT PRIMARY KEY, version BIGINT NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		injected := errors.New("injected failure after the state write")
		write := func(e contracts.Event, fail bool) error {
			return db.InTx(t.Context(), func(tx *sqldb.Tx) error {
				if _, err := tx.ExecContext(t.Context(), "INSERT INTO records (id, version) VALUES (?, ?)", e.AggregateID, e.AggregateVersion); err != nil {
					return err
				}
				if err := outbox.Append(t.Context(), tx, e); err != nil {
					return err
				}
				if fail {
					return injected
				}
				return nil
			})
		}
		e := encounterEvents(t, "P-1", "E-1", 1)[0]
		if err := write(e, true); !errors.Is(err, injected) {
			t.Fatalf("write = %v, want the injected failure", err)
		}
		if n, m := countRows(t, db, "records"), backlog(t, db); n != 0 || m != 0 {
			t.Fatalf("after a failed transaction: %d records, %d outbox rows; want neither", n, m)
		}
		if err := write(e, false); err != nil {
			t.Fatalf("write: %v", err)
		}
		if n, m := countRows(t, db, "records"), backlog(t, db); n != 1 || m != 1 {
			t.Fatalf("after a committed transaction: %d records, %d outbox rows; want both", n, m)
		}
	})
}

func countRows(t *testing.T, db *sqldb.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestListPendingShowsWaitingEventsOldestFirst(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		want := appendAll(t, db, "pending", 2, 2, 1)
		got, err := outbox.ListPending(t.Context(), db, 10)
		if err != nil {
			t.Fatalf("ListPending: %v", err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d pending, want %d", len(got), len(want))
		}
		for i, p := range got {
			e := want[i]
			if p.EventID != e.ID || p.AggregateID != e.AggregateID || p.AggregateVersion != e.AggregateVersion ||
				p.Topic != contracts.TopicTriage || p.Headers[contracts.HeaderID] != e.ID || p.CreatedAt.IsZero() {
				t.Errorf("pending[%d] = %+v, want event %s (%s v%d)", i, p, e.ID, e.AggregateID, e.AggregateVersion)
			}
		}
	})
}
