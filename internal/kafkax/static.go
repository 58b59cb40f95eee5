package kafkax

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/ThreeDotsLabs/watermill/message"
)

// StaticSubscriber is a message.Subscriber whose consumer-group members
// have static identities (Kafka's group.instance.id, KIP-345): one watermill
// subscriber per topic, each a member named instanceID + "-" + topic.
//
// A process that crashes and restarts with the same instanceID takes its
// members' places at once. With dynamic members, a kill -9 leaves members
// that never leave: every later join waits for the broker to give up on
// them, and a process killed repeatedly mid-rebalance can leave the group
// unable to settle for minutes (seen against kfake after three quick kills).
// instanceID must be stable across restarts of one replica and unique
// among the replicas of the group (a StatefulSet ordinal, a compose
// container name). Subscribe and Close are safe for concurrent use.
type StaticSubscriber struct {
	cfg        Config
	group      string
	instanceID string
	logger     watermill.LoggerAdapter

	mu     sync.Mutex
	subs   map[string]*kafka.Subscriber
	closed bool
}

var _ message.Subscriber = (*StaticSubscriber)(nil)

// NewStaticSubscriber returns a subscriber in consumerGroup whose members
// are named after instanceID. A nil logger logs nothing.
func NewStaticSubscriber(cfg Config, consumerGroup, instanceID string, logger watermill.LoggerAdapter) (*StaticSubscriber, error) {
	var errs []error
	if consumerGroup == "" {
		errs = append(errs, errors.New("consumer group is required"))
	}
	if instanceID == "" {
		errs = append(errs, errors.New("instance id is required (use NewSubscriber for dynamic members)"))
	}
	for _, r := range instanceID {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			errs = append(errs, fmt.Errorf("instance id %q may hold only letters, digits, '.', '_' and '-'", instanceID))
			break
		}
	}
	if err := cfg.WithDefaults().Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("kafka static subscriber: %w", err)
	}
	return &StaticSubscriber{cfg: cfg, group: consumerGroup, instanceID: instanceID, logger: logger, subs: map[string]*kafka.Subscriber{}}, nil
}

// MemberName is the group.instance.id of the member consuming topic.
func (s *StaticSubscriber) MemberName(topic string) string { return s.instanceID + "-" + topic }

// Subscribe joins the group for topic as its static member.
func (s *StaticSubscriber) Subscribe(ctx context.Context, topic string) (<-chan *message.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("kafka static subscriber: closed")
	}
	sub, ok := s.subs[topic]
	if !ok {
		sc, err := SaramaConfig(s.cfg)
		if err != nil {
			return nil, err
		}
		sc.Consumer.Group.InstanceId = s.MemberName(topic)
		sub, err = kafka.NewSubscriber(kafka.SubscriberConfig{
			Brokers:               s.cfg.WithDefaults().Brokers,
			Unmarshaler:           Marshaler(),
			OverwriteSaramaConfig: sc,
			ConsumerGroup:         s.group,
		}, s.logger)
		if err != nil {
			return nil, fmt.Errorf("kafka subscriber for %s: %w", topic, err)
		}
		s.subs[topic] = sub
	}
	return sub.Subscribe(ctx, topic)
}

// Close closes every topic's subscriber.
func (s *StaticSubscriber) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	var errs []error
	for topic, sub := range s.subs {
		if err := sub.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close subscriber of %s: %w", topic, err))
		}
	}
	return errors.Join(errs...)
}
