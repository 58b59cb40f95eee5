package kafkax_test

import (
	"errors"
	"maps"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/IBM/sarama"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

var patients = []string{"patient-1", "patient-2", "patient-3", "patient-4", "patient-5"}

const perPatient = 4

func TestRoundTripOverEverySourceTopicKeepsHeadersAndPatientOrder(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	cfg := testConfig(kb)
	pub := newPublisher(t, cfg)
	sent := make(map[string]*message.Message)
	for _, topic := range contracts.SourceTopics() {
		msgs := events(patients, perPatient)
		publish(t, pub, topic, msgs)
		for _, m := range msgs {
			sent[m.UUID] = m
		}
	}

	sub := newSubscriber(t, cfg, kafkatest.UniqueName(t, "group"))
	began := time.Now()
	var wg sync.WaitGroup
	for _, topic := range contracts.SourceTopics() {
		ch := subscribe(t, sub, topic)
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := receive(t, ch, len(patients)*perPatient)
			t.Logf("%s: %d messages %s after subscribing", topic, len(got), time.Since(began).Round(time.Millisecond))
			checkTopic(t, topic, got, sent)
		}()
	}
	wg.Wait()
}

// checkTopic checks that got are the events sent to topic, unchanged, each
// patient's on the partition sarama's hash gives its id, in publish order.
func checkTopic(t *testing.T, topic string, got []*message.Message, sent map[string]*message.Message) {
	hash := sarama.NewHashPartitioner(topic)
	lastVersion := make(map[string]int)
	for _, m := range got {
		want, ok := sent[m.UUID]
		if !ok {
			t.Errorf("%s: unexpected message %s", topic, m.UUID)
			continue
		}
		if string(m.Payload) != string(want.Payload) {
			t.Errorf("%s %s: payload %q, want %q", topic, m.UUID, m.Payload, want.Payload)
		}
		if !maps.Equal(m.Metadata, want.Metadata) {
			t.Errorf("%s %s: metadata %v, want %v", topic, m.UUID, m.Metadata, want.Metadata)
		}
		pos, ok := kafkax.PositionOf(m)
		if !ok {
			t.Fatalf("%s %s: no Kafka position", topic, m.UUID)
		}
		patient := m.Metadata.Get(contracts.HeaderSubject)
		if pos.Key != patient {
			t.Errorf("%s %s: key %q, want %q", topic, m.UUID, pos.Key, patient)
		}
		wantPartition, err := hash.Partition(&sarama.ProducerMessage{Key: sarama.StringEncoder(patient)}, kafkatest.Partitions)
		if err != nil {
			t.Fatal(err)
		}
		if pos.Partition != wantPartition {
			t.Errorf("%s %s: partition %d, want %d (FNV-1a of %q)", topic, m.UUID, pos.Partition, wantPartition, patient)
		}
		if pos.Timestamp.IsZero() {
			t.Errorf("%s %s: zero timestamp", topic, m.UUID)
		}
		version, _ := strconv.Atoi(m.Metadata.Get(contracts.HeaderAggregateVersion))
		if version <= lastVersion[patient] {
			t.Errorf("%s: %s version %d arrived after version %d", topic, patient, version, lastVersion[patient])
		}
		lastVersion[patient] = version
	}
}

func TestPublishRefusesAMessageWithoutPatient(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	pub := newPublisher(t, testConfig(kb))
	err := pub.Publish(contracts.TopicTriage, message.NewMessage("no-subject", []byte("{}")))
	if !errors.Is(err, kafkax.ErrMissingSubject) {
		t.Fatalf("Publish = %v, want ErrMissingSubject", err)
	}
	if err := pub.Publish(contracts.TopicDeadLetter, message.NewMessage("no-subject", []byte("{}"))); err != nil {
		t.Fatalf("Publish to the dead-letter topic = %v, want nil", err)
	}
}

func TestNewSubscriberRequiresAGroup(t *testing.T) {
	t.Parallel()
	if _, err := kafkax.NewSubscriber(kafkax.Config{}, "", nil); err == nil {
		t.Fatal("NewSubscriber without group = nil error")
	}
}
