package kafkax_test

import (
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

func TestGroupResumesFromCommittedOffsetAfterBrokerRestart(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	topic := kafkatest.UniqueName(t, "topic")
	kb.CreateTopics(t, topic)
	group := kafkatest.UniqueName(t, "group")
	cfg := testConfig(kb)
	pub := newPublisher(t, cfg)

	before := events(patients, 2)
	publish(t, pub, topic, before)
	sub := newSubscriber(t, cfg, group)
	began := time.Now()
	receive(t, subscribe(t, sub, topic), len(before))
	t.Logf("first subscriber got %d messages in %s", len(before), time.Since(began).Round(time.Millisecond))
	waitCommitted(t, cfg, group, topic)
	if err := sub.Close(); err != nil {
		t.Fatal(err)
	}

	began = time.Now()
	kb.Restart(t)
	t.Logf("broker restart took %s", time.Since(began).Round(time.Millisecond))

	// The publisher from before the restart reconnects by itself.
	after := events(patients, 1)
	for i, m := range after {
		after[i] = message.NewMessage(m.UUID+"-after", m.Payload)
		after[i].Metadata = m.Metadata
	}
	began = time.Now()
	publish(t, pub, topic, after)
	t.Logf("first publish after restart took %s", time.Since(began).Round(time.Millisecond))

	// Every patient has events before and after, so every partition that
	// could redeliver an acked event would deliver it before the new ones.
	old := make(map[string]bool)
	for _, m := range before {
		old[m.UUID] = true
	}
	began = time.Now()
	got := receive(t, subscribe(t, newSubscriber(t, cfg, group), topic), len(after))
	t.Logf("resumed subscriber got %d messages in %s", len(got), time.Since(began).Round(time.Millisecond))
	for _, m := range got {
		if old[m.UUID] {
			t.Errorf("acked message %s delivered again after restart", m.UUID)
		}
	}
}

func TestSubscriberKeepsConsumingAcrossBrokerRestart(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	topic := kafkatest.UniqueName(t, "topic")
	kb.CreateTopics(t, topic)
	cfg := testConfig(kb)
	pub := newPublisher(t, cfg)
	ch := subscribe(t, newSubscriber(t, cfg, kafkatest.UniqueName(t, "group")), topic)

	publish(t, pub, topic, []*message.Message{event("patient-1", 1)})
	receive(t, ch, 1)

	kb.Restart(t)
	began := time.Now()
	publish(t, pub, topic, []*message.Message{event("patient-1", 2)})
	got := receive(t, ch, 1)
	t.Logf("message published after restart consumed %s later", time.Since(began).Round(time.Millisecond))
	if pos, _ := kafkax.PositionOf(got[0]); pos.Offset != 1 {
		t.Errorf("after restart got offset %d (%s), want 1", pos.Offset, got[0].UUID)
	}
}
