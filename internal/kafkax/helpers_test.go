package kafkax_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/IBM/sarama"
	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// waitFor bounds every wait of these tests.
const waitFor = 30 * time.Second

func testConfig(kb *kafkatest.Broker) kafkax.Config {
	return kafkax.Config{Brokers: []string{kb.Addr()}, ClientID: "kafkax-test"}.WithFastRebalance()
}

func newPublisher(t *testing.T, cfg kafkax.Config) *kafka.Publisher {
	t.Helper()
	p, err := kafkax.NewPublisher(cfg, nil)
	if err != nil {
		t.Fatalf("NewPublisher: %v", err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

func newSubscriber(t *testing.T, cfg kafkax.Config, group string) *kafka.Subscriber {
	t.Helper()
	s, err := kafkax.NewSubscriber(cfg, group, nil)
	if err != nil {
		t.Fatalf("NewSubscriber: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func subscribe(t *testing.T, s *kafka.Subscriber, topic string) <-chan *message.Message {
	t.Helper()
	ch, err := s.Subscribe(t.Context(), topic)
	if err != nil {
		t.Fatalf("Subscribe(%s): %v", topic, err)
	}
	return ch
}

// event is the n-th event of a patient, carrying every envelope header.
func event(patient string, n int) *message.Message {
	id := fmt.Sprintf("%s-evt-%d", patient, n)
	msg := message.NewMessage(id, []byte(fmt.Sprintf(`{"patient":%q,"n":%d}`, patient, n)))
	for k, v := range map[string]string{
		contracts.HeaderSpecVersion:      "1.0",
		contracts.HeaderID:               id,
		contracts.HeaderSource:           "urn:prontuario:test",
		contracts.HeaderType:             "test.event.v1",
		contracts.HeaderTime:             "2024-05-01T10:00:00Z",
		contracts.HeaderSubject:          patient,
		contracts.HeaderContentType:      "application/json",
		contracts.HeaderEncounterID:      "enc-" + patient,
		contracts.HeaderAggregateID:      "agg-" + patient,
		contracts.HeaderAggregateVersion: strconv.Itoa(n),
		contracts.HeaderActor:            "dr-test",
		contracts.HeaderCorrelationID:    "corr-" + id,
		contracts.HeaderTraceParent:      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
	} {
		msg.Metadata.Set(k, v)
	}
	return msg
}

// events returns perPatient events for each of patients, interleaved.
func events(patients []string, perPatient int) []*message.Message {
	var out []*message.Message
	for n := 1; n <= perPatient; n++ {
		for _, p := range patients {
			out = append(out, event(p, n))
		}
	}
	return out
}

func publish(t *testing.T, p *kafka.Publisher, topic string, msgs []*message.Message) {
	t.Helper()
	if err := p.Publish(topic, msgs...); err != nil {
		t.Fatalf("publish to %s: %v", topic, err)
	}
}

// receive acks and returns the next n messages of ch, failing the test if
// they do not all arrive within waitFor.
func receive(t *testing.T, ch <-chan *message.Message, n int) []*message.Message {
	t.Helper()
	deadline := time.NewTimer(waitFor)
	defer deadline.Stop()
	got := make([]*message.Message, 0, n)
	for len(got) < n {
		select {
		case m, ok := <-ch:
			if !ok {
				t.Fatalf("subscription closed after %d of %d messages", len(got), n)
			}
			m.Ack()
			got = append(got, m)
		case <-deadline.C:
			t.Fatalf("received %d of %d messages within %s", len(got), n, waitFor)
		}
	}
	return got
}

// waitCommitted polls until group has committed, on every partition of
// topic, the offset after the last record. The subscriber commits acked
// offsets every second; closing it concurrently with the last Ack may lose
// that last mark (watermill-kafka selects between the two), so tests that
// count redeliveries wait for the commit before closing.
func waitCommitted(t *testing.T, cfg kafkax.Config, group, topic string) {
	t.Helper()
	sc, err := kafkax.SaramaConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	client, err := sarama.NewClient(cfg.Brokers, sc)
	if err != nil {
		t.Fatalf("sarama client: %v", err)
	}
	defer client.Close()
	admin, err := sarama.NewClusterAdminFromClient(client)
	if err != nil {
		t.Fatalf("cluster admin: %v", err)
	}
	partitions, err := client.Partitions(topic)
	if err != nil {
		t.Fatalf("partitions of %s: %v", topic, err)
	}
	deadline := time.Now().Add(waitFor)
	for {
		lag, err := groupLag(client, admin, group, topic, partitions)
		if err == nil && lag == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("group %s still has lag %d (err %v) on %s after %s", group, lag, err, topic, waitFor)
		}
		time.Sleep(50 * time.Millisecond) // polling interval
	}
}

func groupLag(client sarama.Client, admin sarama.ClusterAdmin, group, topic string, partitions []int32) (int64, error) {
	committed, err := admin.ListConsumerGroupOffsets(group, map[string][]int32{topic: partitions})
	if err != nil {
		return 0, err
	}
	var lag int64
	for _, p := range partitions {
		end, err := client.GetOffset(topic, p, sarama.OffsetNewest)
		if err != nil {
			return 0, err
		}
		at := committed.GetBlock(topic, p)
		if at == nil || at.Offset < 0 {
			lag += end
			continue
		}
		lag += end - at.Offset
	}
	return lag, nil
}
