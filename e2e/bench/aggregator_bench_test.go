package bench_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/rebuild"
	"github.com/prontuario/prontuario/aggregator/store/mongostore"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/e2e/bench"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
	"github.com/prontuario/prontuario/internal/testinfra/mongotest"
)

// BenchmarkAggregatorSQLite measures, on the SQLite read store, the
// pipeline's sustained apply rate from the topics (a new consumer group over
// sizes.Events events already published), the raw Commit rate of the very
// batches the pipeline committed (replayed into an empty store), and the
// rate of a rebuild of the same events into a new generation.
func BenchmarkAggregatorSQLite(b *testing.B) {
	kcfg, pub, w := publishedWorkload(b, "sqlite", sizes.Events)
	eachRun(b, func(b *testing.B) {
		dir := b.TempDir()
		live := openSQLite(b, filepath.Join(dir, "live.db"))
		group := kafkatest.UniqueName(b, "live")
		rec := bench.NewRecorder(live, w.Events, true)
		applied := applyAll(b, kcfg, pub, group, rec, w.Events)
		bulk, err := bench.Replay(b.Context(), openSQLite(b, filepath.Join(dir, "bulk.db")), rec.Batches())
		if err != nil {
			b.Fatal(err)
		}
		rebuilt := rebuildAll(b, kcfg, live, group, w.Events)
		say("sqlite: apply %.0f/s, bulk commit %.0f/s (%d batches), rebuild %.0f/s",
			rate(w.Events, applied), rate(w.Events, bulk), len(rec.Batches()), rate(w.Events, rebuilt))
		b.ReportMetric(rate(w.Events, applied), bench.UnitEvents)
		b.ReportMetric(rate(w.Events, bulk), bench.UnitBulkEvents)
		b.ReportMetric(rate(w.Events, rebuilt), bench.UnitRebuildEvents)
		b.ReportMetric(float64(len(rec.Batches())), bench.UnitBatches)
	})
}

// BenchmarkAggregatorMongoWire is the apply and raw Commit part of
// BenchmarkAggregatorSQLite on the MongoDB store, over the wire protocol to
// FerretDB (or the MongoDB of PRONTUARIO_TEST_MONGODB_URI). FerretDB scans a
// table for every lookup by id: its figures say nothing of MongoDB's.
func BenchmarkAggregatorMongoWire(b *testing.B) {
	srv := shared.mongoServer(b)
	kcfg, pub, w := publishedWorkload(b, "mongo", sizes.MongoEvents)
	eachRun(b, func(b *testing.B) {
		rec := bench.NewRecorder(openMongo(b, srv), w.Events, true)
		applied := applyAll(b, kcfg, pub, kafkatest.UniqueName(b, "live"), rec, w.Events)
		bulk, err := bench.Replay(b.Context(), openMongo(b, srv), rec.Batches())
		if err != nil {
			b.Fatal(err)
		}
		say("mongo wire: apply %.0f/s, bulk commit %.0f/s (%d batches)", rate(w.Events, applied), rate(w.Events, bulk), len(rec.Batches()))
		b.ReportMetric(rate(w.Events, applied), bench.UnitEvents)
		b.ReportMetric(rate(w.Events, bulk), bench.UnitBulkEvents)
		b.ReportMetric(float64(len(rec.Batches())), bench.UnitBatches)
	})
}

// publishedWorkload starts a broker and publishes a workload of n events to it.
func publishedWorkload(b *testing.B, prefix string, n int) (kafkax.Config, message.Publisher, bench.Workload) {
	b.Helper()
	kcfg := kafkaConfig(kafkatest.Start(b).Addr())
	pub := publisher(b, kcfg)
	w := bench.Workload{Prefix: prefix, Events: n}
	start := time.Now()
	if _, err := bench.PublishPatients(b.Context(), pub, w.Patients(), 64); err != nil {
		b.Fatal(err)
	}
	say("%s: published %d events in %s", prefix, n, time.Since(start).Round(time.Millisecond))
	return kcfg, pub, w
}

// applyAll runs a pipeline in a new consumer group until rec saw the
// workload's events applied, and returns how long that took from the
// pipeline's start.
func applyAll(b *testing.B, kcfg kafkax.Config, pub message.Publisher, group string, rec *bench.Recorder, events int) time.Duration {
	b.Helper()
	sub, err := kafkax.NewSubscriber(kcfg, group, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer sub.Close()
	p, err := pipeline.New(pipeline.Config{ConsumerGroup: group}, sub, pub, rec, nil, logger())
	if err != nil {
		b.Fatal(err)
	}
	ctx, stop := context.WithCancel(b.Context())
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- p.Run(ctx) }()
	reached, err := rec.Wait(b.Context(), applyTimeout(events))
	stop()
	if runErr := <-done; runErr != nil {
		b.Errorf("pipeline: %v", runErr)
	}
	if err != nil {
		b.Fatalf("pipeline: %v", err)
	}
	return reached.Sub(start)
}

// applyTimeout allows a minute plus 100 events/s: far slower means broken.
func applyTimeout(events int) time.Duration {
	return time.Minute + time.Duration(events)*10*time.Millisecond
}

// rebuildAll rebuilds the live store from the topics into a new generation
// and returns how long it took until the new generation held every event
// (the switch that follows is not counted).
func rebuildAll(b *testing.B, kcfg kafkax.Config, live *sqlitestore.Store, group string, events int) time.Duration {
	b.Helper()
	var rec *bench.Recorder
	open := func(ctx context.Context, name string) (pipeline.Store, error) {
		g, err := live.OpenGeneration(ctx, name)
		if err != nil {
			return nil, err
		}
		rec = bench.NewRecorder(g, events, false)
		return rec, nil
	}
	start := time.Now()
	_, err := rebuild.Run(b.Context(), rebuild.Config{Kafka: kcfg, Live: pipeline.Config{ConsumerGroup: group}, Generation: "rebuilt",
		PollInterval: 50 * time.Millisecond, SwitchGrace: 1500 * time.Millisecond}, live, open, logger())
	if err != nil {
		b.Fatalf("rebuild: %v", err)
	}
	reached, err := rec.Wait(b.Context(), time.Second)
	if err != nil {
		b.Fatalf("rebuild finished but: %v", err)
	}
	return reached.Sub(start)
}

func openSQLite(b *testing.B, path string) *sqlitestore.Store {
	b.Helper()
	s, err := sqlitestore.Open(b.Context(), sqlitestore.Config{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// openMongo opens a store on a database of its own.
func openMongo(b *testing.B, srv *mongotest.Server) *mongostore.Store {
	b.Helper()
	s, err := mongostore.Open(b.Context(), mongostore.Config{URI: srv.URI(), Database: srv.NewDatabaseName(b)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}
