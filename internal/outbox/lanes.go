package outbox

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"sync/atomic"

	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/internal/tracing"
)

// laneBuffer is how many rows may wait for each lane; the reader blocks on
// a full lane (a record with many events waiting) while the others keep
// publishing.
const laneBuffer = 64

// row is an outbox row on its way to the broker.
type row struct {
	id          int64
	eventID     string
	topic       string
	aggregateID string
	headers     []byte // JSON object, decoded by the lane that publishes it
	body        []byte
}

// lanes publish rows concurrently, each record's rows in one lane, in the
// order they were dispatched. They live as long as the relay holds the
// outbox (a batch on SQLite, a drain on PostgreSQL), so a slow lane never
// holds back the others at a batch boundary. At most maxInFlight rows are
// dispatched and not yet published: that bounds memory and, on PostgreSQL,
// the rows each read looks past.
type lanes struct {
	pub    Publisher
	tracer trace.Tracer
	in     []chan row
	slots  chan struct{} // one per dispatched row not yet published
	wg     sync.WaitGroup
	broken atomic.Bool // some lane failed
	// published counts acknowledged rows at once, before they are deleted,
	// so the relay's counter never lags behind the backlog it drained.
	published *atomic.Uint64

	mu    sync.Mutex
	acked []int64
	errs  []error
}

func (r *Relay) startLanes(maxInFlight int) *lanes {
	l := &lanes{pub: r.pub, tracer: r.tracer, in: make([]chan row, r.cfg.Lanes), slots: make(chan struct{}, maxInFlight), published: &r.published}
	for i := range l.in {
		l.in[i] = make(chan row, laneBuffer)
		l.wg.Go(func() { l.run(l.in[i]) })
	}
	return l
}

// dispatch hands x to the lane of its record, blocking while maxInFlight
// rows are waiting. Only one goroutine may dispatch.
func (l *lanes) dispatch(x row) {
	l.slots <- struct{}{}
	h := fnv.New32a()
	_, _ = h.Write([]byte(x.aggregateID))
	l.in[h.Sum32()%uint32(len(l.in))] <- x
}

// failed reports whether a lane failed to publish; its later rows, and so
// the rest of its records' events, are then skipped until the lanes stop.
func (l *lanes) failed() bool { return l.broken.Load() }

// takeAcked returns the ids of the rows acknowledged since the last call.
func (l *lanes) takeAcked() []int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := l.acked
	l.acked = nil
	return ids
}

// wait closes the lanes, waits for them and returns the ids of the rows the
// broker acknowledged that takeAcked has not returned, with the errors of
// the lanes that stopped early.
func (l *lanes) wait() ([]int64, error) {
	for _, in := range l.in {
		close(in)
	}
	l.wg.Wait()
	return l.takeAcked(), errors.Join(l.errs...)
}

// run publishes the lane's rows one by one; after a failure it only drains
// its input, so a record's later events never overtake a failed one.
func (l *lanes) run(in <-chan row) {
	failed := false
	for x := range in {
		if !failed {
			err := l.publish(x)
			l.mu.Lock()
			if err != nil {
				l.errs = append(l.errs, err)
				failed = true
				l.broken.Store(true)
			} else {
				l.acked = append(l.acked, x.id)
				l.published.Add(1)
			}
			l.mu.Unlock()
		}
		<-l.slots
	}
}

func (l *lanes) publish(x row) error {
	headers, err := decodeHeaders(x.headers)
	if err != nil {
		return fmt.Errorf("outbox row %d (%s): headers: %w", x.id, x.eventID, err)
	}
	span := l.startSpan(x, headers)
	msg := message.NewMessage(x.eventID, x.body)
	msg.Metadata = headers
	if err := l.pub.Publish(x.topic, msg); err != nil {
		err = fmt.Errorf("publish %s to %s: %w", x.eventID, x.topic, err)
		span.RecordError(err)
		span.SetStatus(codes.Error, "publish failed")
		span.End()
		return err
	}
	span.End()
	return nil
}

// startSpan starts the publish span of x as a child of the trace its
// event carries, and puts the span's traceparent in headers in place of
// the event's. An event without a traceparent (its command was not
// traced) gets a span that records nothing and its headers stay as they are.
func (l *lanes) startSpan(x row, headers map[string]string) trace.Span {
	parent := headers[tracing.HeaderTraceParent]
	if parent == "" {
		return trace.SpanFromContext(context.Background())
	}
	ctx, span := l.tracer.Start(tracing.WithRemoteParent(context.Background(), parent), "publish "+x.topic,
		trace.WithSpanKind(trace.SpanKindProducer),
		trace.WithAttributes(
			attribute.String("messaging.system", "kafka"),
			attribute.String("messaging.destination.name", x.topic),
			attribute.String("messaging.message.id", x.eventID),
		))
	if tp := tracing.TraceParent(ctx); tp != "" {
		headers[tracing.HeaderTraceParent] = tp
	}
	return span
}
