package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// rig is one test's broker, topics, store and publisher.
type rig struct {
	t         *testing.T
	broker    *kafkatest.Broker
	kcfg      kafkax.Config
	cfg       pipeline.Config
	store     *sqlitestore.Store
	publisher *kafka.Publisher
	// metrics, when set before start, records the pipeline's metrics.
	metrics *pipeline.Metrics
	// topicOf maps a contracts topic to this test's own topic.
	topicOf map[string]string
}

func newRig(t *testing.T) *rig {
	t.Helper()
	kb := kafkatest.Start(t)
	r := &rig{t: t, broker: kb, topicOf: map[string]string{}}
	r.kcfg = kafkax.Config{Brokers: []string{kb.Addr()}}.WithDefaults().WithFastRebalance()
	var topics []string
	for _, topic := range contracts.SourceTopics() {
		r.topicOf[topic] = kafkatest.UniqueName(t, topic)
		topics = append(topics, r.topicOf[topic])
	}
	dlq := kafkatest.UniqueName(t, "dlq")
	kb.CreateTopics(t, append(topics, dlq)...)
	r.cfg = pipeline.Config{ConsumerGroup: kafkatest.UniqueName(t, "group"), Topics: topics, DeadLetterTopic: dlq}
	s, err := sqlitestore.Open(context.Background(), sqlitestore.Config{Path: filepath.Join(t.TempDir(), "read.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r.store = s
	pub, err := kafkax.NewPublisher(r.kcfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pub.Close() })
	r.publisher = pub
	return r
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// start runs a pipeline on the rig's store until the returned stop is
// called (or the test ends).
func (r *rig) start() (stop func()) {
	r.t.Helper()
	return r.startWith(r.store)
}

func (r *rig) startWith(s pipeline.Store) (stop func()) {
	r.t.Helper()
	sub, err := kafkax.NewSubscriber(r.kcfg, r.cfg.ConsumerGroup, nil)
	if err != nil {
		r.t.Fatal(err)
	}
	p, err := pipeline.New(r.cfg, sub, r.publisher, s, r.metrics, quiet())
	if err != nil {
		r.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	var once bool
	stop = func() {
		if once {
			return
		}
		once = true
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			r.t.Errorf("pipeline run: %v", err)
		}
		sub.Close()
	}
	r.t.Cleanup(stop)
	return stop
}

// publish sends events as the relays would: encoded, keyed by patient.
func (r *rig) publish(events ...contracts.Event) {
	r.t.Helper()
	for _, e := range events {
		m, err := contracts.Encode(e)
		if err != nil {
			r.t.Fatal(err)
		}
		r.publishRaw(r.topicOf[e.Topic()], m.Headers, m.Body)
	}
}

// publishRaw writes a message straight to a topic, as a misbehaving
// producer would: keyed by its subject when it has one, else by its UUID.
func (r *rig) publishRaw(topic string, headers map[string]string, body []byte) {
	r.t.Helper()
	sc, err := kafkax.SaramaConfig(r.kcfg)
	if err != nil {
		r.t.Fatal(err)
	}
	raw, err := kafka.NewPublisher(kafka.PublisherConfig{
		Brokers: r.kcfg.Brokers, OverwriteSaramaConfig: sc,
		Marshaler: kafka.NewWithPartitioningMarshaler(func(_ string, m *message.Message) (string, error) {
			if k := m.Metadata.Get(contracts.HeaderSubject); k != "" {
				return k, nil
			}
			return m.UUID, nil
		}),
	}, nil)
	if err != nil {
		r.t.Fatal(err)
	}
	defer raw.Close()
	msg := message.NewMessage(watermill.NewUUID(), body)
	for k, v := range headers {
		msg.Metadata.Set(k, v)
	}
	if err := raw.Publish(topic, msg); err != nil {
		r.t.Fatal(err)
	}
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (r *rig) encounter(id string) (history.Encounter, bool) {
	e, err := r.store.Encounter(context.Background(), id)
	if errors.Is(err, history.ErrNotFound) {
		return e, false
	}
	if err != nil {
		r.t.Fatal(err)
	}
	return e, true
}

func (r *rig) auditCount(patientID string) int {
	p, err := r.store.AuditTrail(context.Background(), history.AuditQuery{PatientID: patientID, Limit: history.MaxPageSize})
	if err != nil {
		r.t.Fatal(err)
	}
	return p.Total
}

// consumeDeadLetters reads n messages from the rig's dead-letter topic.
func consumeDeadLetters(t *testing.T, r *rig, n int) []*message.Message {
	t.Helper()
	return consume(t, r, r.cfg.DeadLetterTopic, n)
}

// consumeByPosition reads n messages of topic, keyed by "partition/offset".
func consumeByPosition(t *testing.T, r *rig, topic string, n int) map[string]*message.Message {
	t.Helper()
	out := map[string]*message.Message{}
	for _, m := range consume(t, r, topic, n) {
		pos, ok := kafkax.PositionOf(m)
		if !ok {
			t.Fatalf("message %s has no position", m.UUID)
		}
		out[fmt.Sprintf("%d/%d", pos.Partition, pos.Offset)] = m
	}
	return out
}

// consume reads n messages of topic from its beginning, with a group of its own.
func consume(t *testing.T, r *rig, topic string, n int) []*message.Message {
	t.Helper()
	sub, err := kafkax.NewSubscriber(r.kcfg, kafkatest.UniqueName(t, "reader-"+topic), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ch, err := sub.Subscribe(ctx, topic)
	if err != nil {
		t.Fatal(err)
	}
	var got []*message.Message
	for len(got) < n {
		select {
		case m := <-ch:
			m.Ack()
			got = append(got, m)
		case <-ctx.Done():
			t.Fatalf("got %d messages of %s, want %d", len(got), topic, n)
		}
	}
	return got
}
