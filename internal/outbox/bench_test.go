package outbox_test

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// BenchmarkRelayDrain measures how fast a relay drains a backlog of b.N
// triage events (about 1 KiB each with headers) into the embedded Kafka
// broker, with the default RelayConfig, until every row is deleted. Run it
// with a fixed count, e.g.
// go test -run '^$' -bench RelayDrain -benchtime 50000x ./internal/outbox
func BenchmarkRelayDrain(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		benchmarkDrain(b, openDB(b, "sqlite:"+filepath.Join(b.TempDir(), "outbox.db")))
	})
	b.Run("postgres", func(b *testing.B) {
		benchmarkDrain(b, openDB(b, postgresURL(b)))
	})
}

// ackCounter passes messages on and counts the acknowledged ones.
type ackCounter struct {
	outbox.Publisher
	acked atomic.Int64
}

func (c *ackCounter) Publish(topic string, msgs ...*message.Message) error {
	if err := c.Publisher.Publish(topic, msgs...); err != nil {
		return err
	}
	c.acked.Add(int64(len(msgs)))
	return nil
}

func benchmarkDrain(b *testing.B, db *sqldb.DB) {
	kb := kafkatest.Start(b)
	pub := &ackCounter{Publisher: kafkaPublisher(b, kb.Addr())}
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
	// Wait for the acknowledgements without touching the database: a
	// COUNT(*) of the whole backlog every 5 ms kept one of the two cores
	// busy in the very PostgreSQL server the relay drains. Then wait for
	// the last rows' deletion.
	for pub.acked.Load() < int64(total) {
		time.Sleep(5 * time.Millisecond) // polling interval
	}
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
