package e2e

import (
	"testing"
	"time"

	"github.com/IBM/sarama"
)

// rawKafka is a plain sarama client: the scenarios write to the topics
// through it, not through any code path of Prontuario.
type rawKafka struct {
	client   sarama.Client
	producer sarama.SyncProducer
}

func newRawKafka(t *testing.T, addr string) *rawKafka {
	t.Helper()
	cfg := sarama.NewConfig()
	cfg.Version = sarama.V2_8_0_0
	cfg.Producer.Return.Successes = true
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Producer.MaxMessageBytes = 2 << 20
	client, err := sarama.NewClient([]string{addr}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	producer, err := sarama.NewSyncProducerFromClient(client)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { producer.Close(); client.Close() })
	return &rawKafka{client: client, producer: producer}
}

// produce writes one record with the given key (nil for none), headers and value.
func (k *rawKafka) produce(t *testing.T, topic string, key []byte, headers map[string]string, value []byte) {
	t.Helper()
	msg := &sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(value)}
	if key != nil {
		msg.Key = sarama.ByteEncoder(key)
	}
	for hk, hv := range headers {
		msg.Headers = append(msg.Headers, sarama.RecordHeader{Key: []byte(hk), Value: []byte(hv)})
	}
	if _, _, err := k.producer.SendMessage(msg); err != nil {
		t.Fatalf("produce to %s: %v", topic, err)
	}
}

// readAll returns every record of topic, up to its current end offsets.
func (k *rawKafka) readAll(t *testing.T, topic string) []*sarama.ConsumerMessage {
	t.Helper()
	if err := k.client.RefreshMetadata(topic); err != nil {
		t.Fatal(err)
	}
	consumer, err := sarama.NewConsumerFromClient(k.client)
	if err != nil {
		t.Fatal(err)
	}
	defer consumer.Close()
	parts, err := k.client.Partitions(topic)
	if err != nil {
		t.Fatal(err)
	}
	var out []*sarama.ConsumerMessage
	for _, p := range parts {
		end, err := k.client.GetOffset(topic, p, sarama.OffsetNewest)
		if err != nil {
			t.Fatal(err)
		}
		if end == 0 {
			continue
		}
		pc, err := consumer.ConsumePartition(topic, p, sarama.OffsetOldest)
		if err != nil {
			t.Fatal(err)
		}
		deadline := time.After(30 * time.Second)
		for done := false; !done; {
			select {
			case m := <-pc.Messages():
				out = append(out, m)
				done = m.Offset >= end-1
			case <-deadline:
				pc.Close()
				t.Fatalf("reading %s/%d timed out", topic, p)
			}
		}
		pc.Close()
	}
	return out
}

func headerMap(m *sarama.ConsumerMessage) map[string]string {
	h := map[string]string{}
	for _, rh := range m.Headers {
		h[string(rh.Key)] = string(rh.Value)
	}
	return h
}
