package bench_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/e2e/bench"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// BenchmarkOutboxDrain measures how fast a relay with the default
// RelayConfig drains a backlog of sizes.Backlog events from PostgreSQL into
// the in-process broker, until the broker acknowledged the last one; and,
// as its reference, how fast the same messages go through a publisher of
// the same configuration without the relay, with the relay's concurrency.
// The backlog is written once and copied for every run; every run gets two
// fresh brokers.
func BenchmarkOutboxDrain(b *testing.B) {
	pg := shared.postgres(b)
	backlog := pg.NewDatabase(b)
	start := time.Now()
	db := openOutbox(b, backlog)
	appendBacklog(b, db, bench.Workload{Prefix: "outbox", Events: sizes.Backlog})
	if err := db.Close(); err != nil { // a template database must have no connections
		b.Fatal(err)
	}
	say("outbox: backlog of %d events written in %s", sizes.Backlog, time.Since(start).Round(time.Millisecond))
	eachRun(b, func(b *testing.B) {
		db := openOutbox(b, cloneDatabase(b, pg, backlog))
		rows, err := outbox.ListPending(b.Context(), db, sizes.Backlog)
		if err != nil || len(rows) != sizes.Backlog {
			b.Fatalf("backlog: %d rows, %v; want %d", len(rows), err, sizes.Backlog)
		}

		// A broker each, so that neither publishes into a log the other filled.
		start := time.Now()
		if err := bench.PublishPending(publisher(b, kafkaConfig(kafkatest.Start(b).Addr())), rows, outbox.DefaultLanes); err != nil {
			b.Fatal(err)
		}
		raw := time.Since(start)

		counting := bench.NewCountingPublisher(publisher(b, kafkaConfig(kafkatest.Start(b).Addr())), len(rows))
		relay, err := outbox.NewRelay(db, counting, outbox.RelayConfig{}, logger())
		if err != nil {
			b.Fatal(err)
		}
		ctx, stop := context.WithCancel(b.Context())
		done := make(chan error, 1)
		start = time.Now()
		go func() { done <- relay.Run(ctx) }()
		reached, err := counting.Wait(time.Minute + time.Duration(len(rows))*time.Millisecond)
		if err == nil {
			err = waitEmpty(b.Context(), relay)
		}
		stop()
		if runErr := <-done; runErr != nil {
			b.Errorf("relay: %v", runErr)
		}
		if err != nil {
			b.Fatalf("relay: %v", err)
		}
		drained := reached.Sub(start)
		say("outbox: relay drained %.0f/s, raw publisher %.0f/s", rate(len(rows), drained), rate(len(rows), raw))
		b.ReportMetric(rate(len(rows), drained), bench.UnitEvents)
		b.ReportMetric(rate(len(rows), raw), bench.UnitRawEvents)
	})
}

// waitEmpty waits until the relay deleted every row it published (the last
// batch is deleted just after its last message is acknowledged).
func waitEmpty(ctx context.Context, relay *outbox.Relay) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, err := relay.Stats(ctx)
		if err != nil {
			return err
		}
		if st.Backlog == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%d events still in the outbox 30s after the last was published", st.Backlog)
		}
		time.Sleep(20 * time.Millisecond) // polling interval
	}
}

func openOutbox(b *testing.B, url string) *sqldb.DB {
	b.Helper()
	db, err := sqldb.Open(b.Context(), url, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	if err := outbox.Migrate(b.Context(), db); err != nil {
		b.Fatal(err)
	}
	return db
}

// appendBacklog appends the workload's events in transactions of 500, the
// fast way to build a backlog through the outbox's own Append.
func appendBacklog(b *testing.B, db *sqldb.DB, w bench.Workload) {
	b.Helper()
	var pending []contracts.Event
	flush := func() {
		err := db.InTx(b.Context(), func(tx *sqldb.Tx) error {
			for _, e := range pending {
				if err := outbox.Append(b.Context(), tx, e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatalf("append: %v", err)
		}
		pending = pending[:0]
	}
	for events, err := range w.Patients() {
		if err != nil {
			b.Fatal(err)
		}
		if pending = append(pending, events...); len(pending) >= 500 {
			flush()
		}
	}
	flush()
}
