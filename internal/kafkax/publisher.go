package kafkax

import (
	"errors"
	"fmt"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
)

// ErrMissingSubject is returned when publishing a message without the
// [contracts.HeaderSubject] metadata (the patient id, which is the Kafka key)
// to any topic but the dead-letter topic.
var ErrMissingSubject = errors.New("message has no " + contracts.HeaderSubject + " metadata (patient id, the Kafka key)")

// PartitionKey returns the Kafka key of msg: its [contracts.HeaderSubject]
// metadata, so that all events of a patient go to one partition in order.
// A message without it is refused with [ErrMissingSubject], except a dead
// letter (on [contracts.TopicDeadLetter], or any message carrying the
// [contracts.HeaderDLQErrorKind] metadata): a message may be dead-lettered
// precisely because it lacks a subject, and losing it there would lose the
// evidence, so it is keyed by its UUID instead (dead letters need no order).
func PartitionKey(topic string, msg *message.Message) (string, error) {
	if subject := msg.Metadata.Get(contracts.HeaderSubject); subject != "" {
		return subject, nil
	}
	if topic == contracts.TopicDeadLetter || msg.Metadata.Get(contracts.HeaderDLQErrorKind) != "" {
		return msg.UUID, nil
	}
	return "", fmt.Errorf("publish %s to %s: %w", msg.UUID, topic, ErrMissingSubject)
}

// Marshaler turns watermill messages into Kafka records and back: metadata
// become headers (and headers metadata), the key is [PartitionKey].
func Marshaler() kafka.MarshalerUnmarshaler {
	return kafka.NewWithPartitioningMarshaler(PartitionKey)
}

// NewPublisher returns a synchronous publisher: Publish returns once every
// message is acknowledged by all in-sync replicas. It is safe for concurrent
// use; throughput grows with the number of publishing goroutines. A nil
// logger logs nothing. Close it when done.
func NewPublisher(cfg Config, logger watermill.LoggerAdapter) (*kafka.Publisher, error) {
	cfg = cfg.WithDefaults()
	sc, err := SaramaConfig(cfg)
	if err != nil {
		return nil, err
	}
	p, err := kafka.NewPublisher(kafka.PublisherConfig{
		Brokers:               cfg.Brokers,
		Marshaler:             Marshaler(),
		OverwriteSaramaConfig: sc,
	}, logger)
	if err != nil {
		return nil, fmt.Errorf("kafka publisher: %w", err)
	}
	return p, nil
}
