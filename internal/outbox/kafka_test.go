package outbox_test

import (
	"sync"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

func kafkaConfig(addr string) kafkax.Config {
	return kafkax.Config{Brokers: []string{addr}, ClientID: "outbox-test"}.WithFastRebalance()
}

func kafkaPublisher(t testing.TB, addr string) message.Publisher {
	t.Helper()
	p, err := kafkax.NewPublisher(kafkaConfig(addr), nil)
	if err != nil {
		t.Fatalf("NewPublisher: %v", err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

// consumer records every message of the triage topic a fresh consumer group
// receives, in arrival order.
type consumer struct {
	mu  sync.Mutex
	got []delivery
}

func consume(t *testing.T, kb *kafkatest.Broker) *consumer {
	t.Helper()
	sub, err := kafkax.NewSubscriber(kafkaConfig(kb.Addr()), kafkatest.UniqueName(t, "group"), nil)
	if err != nil {
		t.Fatalf("NewSubscriber: %v", err)
	}
	t.Cleanup(func() { _ = sub.Close() })
	ch, err := sub.Subscribe(t.Context(), contracts.TopicTriage)
	if err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	c := &consumer{}
	go func() {
		for m := range ch {
			c.mu.Lock()
			c.got = append(c.got, deliveryOf(contracts.TopicTriage, m))
			c.mu.Unlock()
			m.Ack()
		}
	}()
	return c
}

func (c *consumer) deliveries() []delivery {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]delivery(nil), c.got...)
}

// distinct counts the different events received.
func (c *consumer) distinct() int {
	seen := map[string]bool{}
	for _, d := range c.deliveries() {
		seen[d.eventID] = true
	}
	return len(seen)
}

func TestRelayDeliversEveryCommittedEventThroughKafkaInOrderPerRecord(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		kb := kafkatest.Start(t)
		c := consume(t, kb)
		want := appendAll(t, db, "kafka", 50, 8, 10)
		startRelay(t, db, kafkaPublisher(t, kb.Addr()), outbox.RelayConfig{BatchSize: 100, Lanes: 8})
		eventually(t, "every event consumed", func() bool { return c.distinct() == len(want) })
		checkDelivered(t, want, c.deliveries())
		// The last rows are deleted just after the broker acknowledged them,
		// which may be after the consumer saw them.
		eventually(t, "outbox drained", func() bool { return backlog(t, db) == 0 })
	})
}

func TestRelayLosesNothingWhenTheBrokerIsDownForAWhile(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		kb := kafkatest.Start(t)
		c := consume(t, kb)
		r := startRelay(t, db, kafkaPublisher(t, kb.Addr()), outbox.RelayConfig{BatchSize: 50, Lanes: 4, MinBackoff: 50 * time.Millisecond, MaxBackoff: 500 * time.Millisecond})
		before := appendAll(t, db, "before", 10, 3, 1)
		eventually(t, "events before the outage consumed", func() bool { return c.distinct() == len(before) })

		kb.Stop()
		began := time.Now()
		during := appendAll(t, db, "during", 10, 3, 1)
		if took := time.Since(began); took > 5*time.Second {
			t.Errorf("appending %d events with the broker down took %s: commands must not wait for the broker", len(during), took)
		}
		eventually(t, "the relay notices the outage", func() bool { return stats(t, r).FailedBatches > 0 })
		if s := stats(t, r); s.Backlog != len(during) {
			t.Errorf("backlog during the outage = %d, want %d", s.Backlog, len(during))
		}

		kb.Restart(t)
		after := appendAll(t, db, "after", 10, 3, 1)
		want := append(append(before, during...), after...)
		eventually(t, "every event consumed after the restart", func() bool { return c.distinct() == len(want) })
		checkDelivered(t, want, c.deliveries())
		eventually(t, "outbox drained", func() bool { return backlog(t, db) == 0 })
	})
}
