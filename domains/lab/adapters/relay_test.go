package adapters_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// received collects the decoded events of one topic, in arrival order.
type received struct {
	mu     sync.Mutex
	events []contracts.Event
	errs   []error
}

func (r *received) snapshot() ([]contracts.Event, []error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]contracts.Event(nil), r.events...), append([]error(nil), r.errs...)
}

// distinct counts the different event ids received.
func (r *received) distinct() int {
	events, _ := r.snapshot()
	seen := map[string]bool{}
	for _, e := range events {
		seen[e.ID] = true
	}
	return len(seen)
}

func consumeTopic(t *testing.T, kb *kafkatest.Broker, topic string) *received {
	t.Helper()
	cfg := kafkax.Config{Brokers: []string{kb.Addr()}, ClientID: "lab-test"}.WithFastRebalance()
	sub, err := kafkax.NewSubscriber(cfg, kafkatest.UniqueName(t, "group"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Close() })
	ch, err := sub.Subscribe(t.Context(), topic)
	if err != nil {
		t.Fatal(err)
	}
	r := &received{}
	go func() {
		for m := range ch {
			e, err := contracts.Decode(m.Metadata, m.Payload)
			r.mu.Lock()
			if err != nil {
				r.errs = append(r.errs, err)
			} else {
				r.events = append(r.events, e)
			}
			r.mu.Unlock()
			m.Ack()
		}
	}()
	return r
}

func startRelay(t *testing.T, f fixture, kb *kafkatest.Broker) {
	t.Helper()
	pub, err := kafkax.NewPublisher(kafkax.Config{Brokers: []string{kb.Addr()}, ClientID: "lab-relay-test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	relay, err := outbox.NewRelay(f.db, pub, outbox.RelayConfig{BatchSize: 20, Lanes: 4, MinBackoff: 20 * time.Millisecond, MaxBackoff: 300 * time.Millisecond}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = relay.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		_ = pub.Close()
	})
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 60s", what)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not a wait for an outcome
	}
}

// checkOrderPerRecord fails unless every record's versions 1..n arrived,
// each first arriving after the one before it.
func checkOrderPerRecord(t *testing.T, events []contracts.Event, wantVersions map[string]int64) {
	t.Helper()
	next := map[string]int64{}
	for _, e := range events {
		switch v := e.AggregateVersion; {
		case v == next[e.AggregateID]+1:
			next[e.AggregateID] = v
		case v > next[e.AggregateID]+1:
			t.Errorf("%s v%d arrived before v%d", e.AggregateID, v, next[e.AggregateID]+1)
		}
	}
	for id, want := range wantVersions {
		if next[id] != want {
			t.Errorf("%s: got versions up to %d in order, want %d", id, next[id], want)
		}
	}
}

func TestCommittedEventsReachTheTopicInOrderAcrossABrokerOutage(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		kb := kafkatest.Start(t)
		got := consumeTopic(t, kb, contracts.TopicLab)
		startRelay(t, f, kb)
		want := map[string]int64{}
		commit := func(n int, tag string) {
			for i := range n {
				r := place(t, f, "P-"+tag+strconv.Itoa(i))
				want[r.ID] = 1
				if i%2 == 0 {
					if _, err := f.app.RecordLabResult.Handle(ctx, resultCmd(r.ID, "2823-3", 5.9)); err != nil {
						t.Fatal(err)
					}
					if _, err := f.app.CorrectLabResult.Handle(ctx, correctCmd(r.ID)); err != nil {
						t.Fatal(err)
					}
					want[r.ID] = 3
				}
			}
		}
		total := func() (n int) {
			for _, v := range want {
				n += int(v)
			}
			return n
		}

		commit(6, "before")
		eventually(t, "events before the outage", func() bool { return got.distinct() == total() })
		kb.Stop()
		began := time.Now()
		commit(6, "during")
		if took := time.Since(began); took > 5*time.Second {
			t.Errorf("commands took %s with the broker down: they must not wait for it", took)
		}
		kb.Restart(t)
		eventually(t, "every event after the restart", func() bool { return got.distinct() == total() })

		events, errs := got.snapshot()
		for _, err := range errs {
			t.Errorf("a relayed message does not decode: %v", err)
		}
		for _, e := range events {
			if e.Source != contracts.SourceLab || e.Actor.Role == "" {
				t.Errorf("event %s from %s by %v", e.ID, e.Source, e.Actor)
			}
		}
		checkOrderPerRecord(t, events, want)
	})
}
