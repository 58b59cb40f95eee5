package schema

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/prontuario/prontuario/aggregator/history"
)

// AccessBatch collects the access log entries of one request, so that they
// are appended in one durable write however many patients the request
// reads. It is safe for concurrent use.
type AccessBatch struct {
	mu      sync.Mutex
	entries []history.AccessEntry
	// eager, when set, receives the first entries as soon as they are
	// added, in a write that runs while execution goes on; pending then
	// carries its result to Flush.
	eager   AccessLog
	ctx     context.Context
	pending chan error
}

type accessBatchKey struct{}

// WithAccessBatch returns a context whose resolvers add their access log
// entries to the returned batch instead of appending them. The caller must
// Flush the batch after execution and must not serve the answer unless
// Flush succeeded.
func WithAccessBatch(ctx context.Context) (context.Context, *AccessBatch) {
	b := &AccessBatch{}
	return context.WithValue(ctx, accessBatchKey{}, b), b
}

// WithEagerAccessBatch is WithAccessBatch for an operation with one root
// field, which logs all its entries at once: they are appended to log as
// soon as they are added, concurrently with the rest of the execution, so
// that the durable write (an fsync) overlaps the work of resolving and
// encoding the answer instead of adding to it. Flush waits for that
// write; the rules are those of WithAccessBatch. Entries added after the
// first ones (not expected) are appended by Flush, in a second write.
func WithEagerAccessBatch(ctx context.Context, log AccessLog) (context.Context, *AccessBatch) {
	b := &AccessBatch{eager: log, ctx: ctx}
	return context.WithValue(ctx, accessBatchKey{}, b), b
}

func (a *AccessBatch) add(es []history.AccessEntry) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.eager != nil && a.pending == nil && len(es) > 0 {
		done := make(chan error, 1)
		a.pending = done
		go func() { done <- a.eager.AppendAccessBatch(a.ctx, es) }()
		return
	}
	a.entries = append(a.entries, es...)
}

// Flush waits for the eager write, if one started, and appends every other
// entry collected in one write to log; it does nothing when there is
// none. On an error, the reads may not be logged and the answer must not
// be served. The batch is empty afterwards.
func (a *AccessBatch) Flush(ctx context.Context, log AccessLog) error {
	a.mu.Lock()
	entries, pending := a.entries, a.pending
	a.entries, a.pending = nil, nil
	a.mu.Unlock()
	var errs []error
	if pending != nil {
		if err := <-pending; err != nil {
			errs = append(errs, fmt.Errorf("append access log entries: %w", err))
		}
	}
	if len(entries) > 0 {
		if err := log.AppendAccessBatch(ctx, entries); err != nil {
			errs = append(errs, fmt.Errorf("append %d access log entries: %w", len(entries), err))
		}
	}
	return errors.Join(errs...)
}
