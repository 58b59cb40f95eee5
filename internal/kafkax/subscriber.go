package kafkax

import (
	"errors"
	"fmt"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
)

// NewSubscriber returns a subscriber in consumerGroup. A group new to the
// broker starts at the oldest retained record; a known group resumes after
// its last committed offset. Message metadata are the record's headers;
// [PositionOf] gives the partition and offset.
//
// Each Subscribe call joins the group as one more member (subscribing to
// four topics costs four members and four rebalances), and a nacked message
// is redelivered after 100 ms while it blocks its partition: put retries
// with backoff and a dead-letter step in front of every handler.
//
// Offsets of acked messages are committed every second and on Close. A
// Close racing with the last Ack may drop that message's mark (watermill
// selects between the two), so it is delivered again: at least once.
// A nil logger logs nothing.
func NewSubscriber(cfg Config, consumerGroup string, logger watermill.LoggerAdapter) (*kafka.Subscriber, error) {
	if consumerGroup == "" {
		return nil, errors.New("kafka subscriber: consumer group is required")
	}
	cfg = cfg.WithDefaults()
	sc, err := SaramaConfig(cfg)
	if err != nil {
		return nil, err
	}
	s, err := kafka.NewSubscriber(kafka.SubscriberConfig{
		Brokers:               cfg.Brokers,
		Unmarshaler:           Marshaler(),
		OverwriteSaramaConfig: sc,
		ConsumerGroup:         consumerGroup,
	}, logger)
	if err != nil {
		return nil, fmt.Errorf("kafka subscriber: %w", err)
	}
	return s, nil
}
