package outbox_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// BenchmarkRelayDrain measures how fast a relay drains a backlog of b.N
// triage events (about 1 KiB each with headers) into the embedded Kafka
// broker, with the default RelayConfig. Run it with a fixed count, e.g.
// go test -run '^$' -bench RelayDrain -benchtime 50000x ./internal/outbox
func BenchmarkRelayDrain(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		benchmarkDrain(b, openDB(b, "sqlite:"+filepath.Join(b.TempDir(), "outbox.db")))
	})
	b.Run("postgres", func(b *testing.B) {
		benchmarkDrain(b, openDB(b, postgresURL(b)))
	})
}

func benchmarkDrain(b *testing.B, db *sqldb.DB) {
	kb := kafkatest.Start(b)
	pub := kafkaPublisher(b, kb.Addr())
	records := max(b.N/10, 1)
	appendAll(b, db, "bench", records, max(b.N/records, 1), 500)
	total := backlog(b, db)
	r, err := outbox.NewRelay(db, pub, outbox.RelayConfig{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	b.ResetTimer()
	began := time.Now()
	go func() { done <- r.Run(ctx) }()
	for backlog(b, db) > 0 {
		time.Sleep(5 * time.Millisecond) // polling interval
	}
	elapsed := time.Since(began)
	b.StopTimer()
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(total)/elapsed.Seconds(), "events/s")
}
