package outbox_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/internal/outbox"
)

// closablePublisher is a fakePublisher that also closes.
type closablePublisher struct {
	fakePublisher
	closed bool
}

func (p *closablePublisher) Close() error {
	p.closed = true
	return nil
}

func TestLazyPublisherBuildsOnFirstUseAndRetriesFailedBuilds(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	builds, fail := 0, true
	inner := &closablePublisher{}
	lazy := outbox.NewLazyPublisher(func() (message.Publisher, error) {
		mu.Lock()
		defer mu.Unlock()
		builds++
		if fail {
			return nil, errBrokerDown
		}
		return inner, nil
	})
	msg := message.NewMessage("e-1", []byte(`{}`))
	if err := lazy.Publish("t", msg); !errors.Is(err, errBrokerDown) {
		t.Fatalf("Publish with a failing build = %v, want the build error", err)
	}
	if err := lazy.Publish("t", msg); !errors.Is(err, errBrokerDown) {
		t.Fatalf("Publish right after a failed build = %v, want the same error", err)
	}
	if builds != 1 {
		t.Errorf("%d builds right after a failure, want 1: callers must not queue for their own build", builds)
	}
	mu.Lock()
	fail = false
	mu.Unlock()
	eventually(t, "build retried", func() bool { return lazy.Publish("t", msg) == nil })
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := lazy.Publish("t", msg); err != nil {
				t.Errorf("Publish: %v", err)
			}
		})
	}
	wg.Wait()
	if builds != 2 || len(inner.deliveries()) != 9 {
		t.Errorf("%d builds, %d published; want 2 builds (one failed) and 9 published", builds, len(inner.deliveries()))
	}
	if err := lazy.Close(); err != nil || !inner.closed {
		t.Errorf("Close = %v, inner closed = %v", err, inner.closed)
	}
}
