package bench

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/internal/outbox"
)

// PublishPending publishes outbox rows straight to pub, without the relay:
// the raw publisher's rate of the very messages the relay publishes, with
// the relay's concurrency (lanes goroutines, each record's rows in one lane,
// in order, one synchronous Publish per message). It returns the first
// errors of the lanes, joined.
func PublishPending(pub Publisher, rows []outbox.Pending, lanes int) error {
	in := make([]chan outbox.Pending, lanes)
	errs := make([]error, lanes)
	var wg sync.WaitGroup
	for i := range in {
		in[i] = make(chan outbox.Pending, 64)
		wg.Go(func() {
			for p := range in[i] {
				if errs[i] != nil {
					continue
				}
				msg := message.NewMessage(p.EventID, p.Body)
				msg.Metadata = p.Headers
				if err := pub.Publish(p.Topic, msg); err != nil {
					errs[i] = fmt.Errorf("publish %s to %s: %w", p.EventID, p.Topic, err)
				}
			}
		})
	}
	for _, p := range rows {
		h := fnv.New32a()
		_, _ = h.Write([]byte(p.AggregateID))
		in[h.Sum32()%uint32(lanes)] <- p
	}
	for _, c := range in {
		close(c)
	}
	wg.Wait()
	return errors.Join(errs...)
}

// CountingPublisher passes messages on to a publisher and notes when the
// target number was acknowledged. It is safe for concurrent use.
type CountingPublisher struct {
	next   Publisher
	target int

	mu        sync.Mutex
	acked     int
	reachedAt time.Time
	reached   chan struct{}
}

// NewCountingPublisher wraps next, watching for target acknowledged messages.
func NewCountingPublisher(next Publisher, target int) *CountingPublisher {
	return &CountingPublisher{next: next, target: target, reached: make(chan struct{})}
}

// Publish implements [Publisher].
func (c *CountingPublisher) Publish(topic string, messages ...*message.Message) error {
	if err := c.next.Publish(topic, messages...); err != nil {
		return err
	}
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.acked += len(messages)
	if c.acked >= c.target && c.reachedAt.IsZero() {
		c.reachedAt = now
		close(c.reached)
	}
	return nil
}

// Wait returns when the target-th message was acknowledged, or an error
// once timeout passed.
func (c *CountingPublisher) Wait(timeout time.Duration) (time.Time, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-c.reached:
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.reachedAt, nil
	case <-t.C:
		c.mu.Lock()
		defer c.mu.Unlock()
		return time.Time{}, fmt.Errorf("only %d of %d messages acknowledged after %s", c.acked, c.target, timeout)
	}
}
