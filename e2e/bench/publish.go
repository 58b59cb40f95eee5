package bench

import (
	"context"
	"fmt"
	"iter"
	"sync"
	"sync/atomic"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
)

// Publisher is what publishing needs of a watermill publisher
// (internal/kafkax.NewPublisher): synchronous and safe for concurrent use.
type Publisher interface {
	Publish(topic string, messages ...*message.Message) error
}

// Message encodes e as the outbox relay would publish it: the event id as
// the message id, the contract's Kafka headers as metadata.
func Message(e contracts.Event) (*message.Message, error) {
	m, err := contracts.Encode(e)
	if err != nil {
		return nil, fmt.Errorf("encode %s %s: %w", e.Type, e.ID, err)
	}
	msg := message.NewMessage(e.ID, m.Body)
	msg.Metadata = m.Headers
	return msg, nil
}

// PublishPatients publishes every patient's events to their topics with
// workers concurrent publishers, each patient's events by one worker in
// order, as the services' relays would. It returns how many events were
// published, and the first error (after which it stops).
func PublishPatients(ctx context.Context, pub Publisher, patients iter.Seq2[[]contracts.Event, error], workers int) (int64, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	work := make(chan []contracts.Event, workers)
	var (
		wg        sync.WaitGroup
		published atomic.Int64
	)
	for range workers {
		wg.Go(func() {
			for events := range work {
				if ctx.Err() != nil {
					continue // after a failure: only drain
				}
				n, err := publishInOrder(pub, events)
				published.Add(n)
				if err != nil {
					cancel(err)
				}
			}
		})
	}
	var genErr error
feed:
	for events, err := range patients {
		if err != nil {
			genErr = err
			break
		}
		select {
		case work <- events:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if genErr != nil {
		return published.Load(), genErr
	}
	return published.Load(), context.Cause(ctx)
}

// publishInOrder publishes events one after another and returns how many
// were acknowledged.
func publishInOrder(pub Publisher, events []contracts.Event) (int64, error) {
	for i, e := range events {
		msg, err := Message(e)
		if err != nil {
			return int64(i), err
		}
		if err := pub.Publish(e.Topic(), msg); err != nil {
			return int64(i), fmt.Errorf("publish %s to %s: %w", e.ID, e.Topic(), err)
		}
	}
	return int64(len(events)), nil
}
