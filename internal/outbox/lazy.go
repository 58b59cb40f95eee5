package outbox

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
)

// LazyPublisher builds its publisher on first use, and again on the next use
// after a failed build. A Kafka publisher connects when it is built, so
// building it at start would keep a service from starting (and taking
// commands) while the broker is down; behind a LazyPublisher the relay just
// fails its batches, backs off and retries. It is safe for concurrent use.
type LazyPublisher struct {
	build func() (message.Publisher, error)
	pub   atomic.Pointer[message.Publisher]

	mu        sync.Mutex // serialises builds; guards the fields below
	lastErr   error
	lastBuild time.Time
}

// rebuildAfter is how soon after a failed build another is tried; callers
// in between get the failure at once instead of queueing for their own
// (a build against a dead broker takes seconds).
const rebuildAfter = time.Second

var _ Publisher = (*LazyPublisher)(nil)

// NewLazyPublisher returns a publisher that calls build when it first needs one.
func NewLazyPublisher(build func() (message.Publisher, error)) *LazyPublisher {
	return &LazyPublisher{build: build}
}

// Publish builds the publisher if needed and publishes through it.
func (l *LazyPublisher) Publish(topic string, msgs ...*message.Message) error {
	pub, err := l.get()
	if err != nil {
		return err
	}
	return pub.Publish(topic, msgs...)
}

func (l *LazyPublisher) get() (message.Publisher, error) {
	if p := l.pub.Load(); p != nil {
		return *p, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if p := l.pub.Load(); p != nil {
		return *p, nil
	}
	if l.lastErr != nil && time.Since(l.lastBuild) < rebuildAfter {
		return nil, l.lastErr
	}
	pub, err := l.build()
	l.lastBuild = time.Now()
	if err != nil {
		l.lastErr = fmt.Errorf("build publisher: %w", err)
		return nil, l.lastErr
	}
	l.lastErr = nil
	l.pub.Store(&pub)
	return pub, nil
}

// Close closes the publisher if it was built.
func (l *LazyPublisher) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if p := l.pub.Swap(nil); p != nil {
		return (*p).Close()
	}
	return nil
}
