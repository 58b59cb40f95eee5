package outbox_test

import (
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
)

var errBrokerDown = errors.New("broker down (fake)")

// delivery is one message as a consumer saw it.
type delivery struct {
	topic       string
	eventID     string
	aggregateID string
	version     int64
	metadata    map[string]string
	body        []byte
}

func deliveryOf(topic string, m *message.Message) delivery {
	v, _ := strconv.ParseInt(m.Metadata.Get(contracts.HeaderAggregateVersion), 10, 64)
	return delivery{
		topic: topic, eventID: m.UUID, aggregateID: m.Metadata.Get(contracts.HeaderAggregateID),
		version: v, metadata: m.Metadata, body: m.Payload,
	}
}

// fakePublisher records what it is asked to publish; it can be made to fail
// everything (down) or the first attempt of some events (failOnce), and to
// take some time per message (delay).
type fakePublisher struct {
	mu       sync.Mutex
	got      []delivery
	down     bool
	failOnce map[string]bool
	delay    time.Duration
	onPub    func(n int) // called after each successful publish with the count so far
}

func (p *fakePublisher) Publish(topic string, msgs ...*message.Message) error {
	for _, m := range msgs {
		p.mu.Lock()
		delay, down, fail := p.delay, p.down, p.failOnce[m.UUID]
		delete(p.failOnce, m.UUID)
		p.mu.Unlock()
		time.Sleep(delay) // stands for a broker round trip
		if down || fail {
			return errBrokerDown
		}
		p.mu.Lock()
		p.got = append(p.got, deliveryOf(topic, m))
		n, onPub := len(p.got), p.onPub
		p.mu.Unlock()
		if onPub != nil {
			onPub(n)
		}
	}
	return nil
}

func (p *fakePublisher) setDown(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = down
}

func (p *fakePublisher) deliveries() []delivery {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]delivery(nil), p.got...)
}

// checkDelivered fails the test unless every event of want was delivered
// at least once and, for each record, the first delivery of every version
// came after the first delivery of every lower version (redeliveries of
// versions already seen may come later: that is at-least-once).
func checkDelivered(t *testing.T, want []contracts.Event, got []delivery) {
	t.Helper()
	seen := map[string]bool{}
	highest := map[string]int64{}
	for _, d := range got {
		if seen[d.eventID] {
			continue
		}
		seen[d.eventID] = true
		if d.version != highest[d.aggregateID]+1 {
			t.Errorf("record %s: first delivery of version %d came after version %d", d.aggregateID, d.version, highest[d.aggregateID])
		}
		highest[d.aggregateID] = max(highest[d.aggregateID], d.version)
	}
	missing := 0
	for _, e := range want {
		if !seen[e.ID] {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d events were never delivered", missing, len(want))
	}
}

// eventually polls cond until it holds or waitFor passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, waitFor)
		}
		time.Sleep(10 * time.Millisecond) // polling interval
	}
}
