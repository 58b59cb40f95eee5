package broker

import (
	"errors"
	"fmt"

	"github.com/twmb/franz-go/pkg/kerr"
)

// CreateTopics creates the named topics with the given partition count.
// Topics that already exist are left as they are (even with another
// partition count) and are not an error. It returns [ErrClosed] after Close.
func (b *Broker) CreateTopics(partitions int, names ...string) error {
	var errs []error
	for _, n := range names {
		if err := ValidateTopicName(n); err != nil {
			errs = append(errs, err)
		}
	}
	if partitions < 1 {
		errs = append(errs, fmt.Errorf("partitions must be positive, got %d", partitions))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("create topics: %w", err)
	}

	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.closed {
		return fmt.Errorf("create topics: %w", ErrClosed)
	}
	for _, n := range names {
		err := b.cluster.CreateTopic(n, int32(partitions), nil)
		if err != nil && !errors.Is(err, kerr.TopicAlreadyExists) {
			errs = append(errs, fmt.Errorf("topic %s: %w", n, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("create topics: %w", err)
	}
	return nil
}
