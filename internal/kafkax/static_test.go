package kafkax_test

import (
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

func TestStaticSubscriberRejectsBadInstanceIDs(t *testing.T) {
	cfg := kafkax.Config{Brokers: []string{"127.0.0.1:1"}}
	for _, id := range []string{"", "aggregator/1", "a b"} {
		if _, err := kafkax.NewStaticSubscriber(cfg, "group", id, nil); err == nil || !strings.Contains(err.Error(), "instance id") {
			t.Errorf("instance id %q: err %v, want an instance id problem", id, err)
		}
	}
}

// A replica that stops without leaving (as a crash would) and comes back
// with the same instance id takes its members' places: it gets the
// messages published meanwhile, from the committed offsets, on every topic.
func TestStaticSubscriberResumesOnEveryTopicUnderItsInstanceID(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	topics := []string{kafkatest.UniqueName(t, "a"), kafkatest.UniqueName(t, "b")}
	kb.CreateTopics(t, topics...)
	cfg := testConfig(kb)
	pub := newPublisher(t, cfg)
	group := kafkatest.UniqueName(t, "group")

	first, err := kafkax.NewStaticSubscriber(cfg, group, "replica-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := first.MemberName(topics[0]); got != "replica-1-"+topics[0] {
		t.Errorf("member name %q", got)
	}
	for _, topic := range topics {
		publish(t, pub, topic, events(patients, 1))
		ch, err := first.Subscribe(t.Context(), topic)
		if err != nil {
			t.Fatal(err)
		}
		receive(t, ch, len(patients))
		waitCommitted(t, cfg, group, topic)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}

	again, err := kafkax.NewStaticSubscriber(cfg, group, "replica-1", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = again.Close() })
	for _, topic := range topics {
		later := events(patients, 2)[len(patients):]
		publish(t, pub, topic, later)
		ch, err := again.Subscribe(t.Context(), topic)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range receive(t, ch, len(later)) {
			if !strings.HasSuffix(m.UUID, "-2") {
				t.Errorf("%s: got %s again, want only the events published after the restart", topic, m.UUID)
			}
		}
	}
}
