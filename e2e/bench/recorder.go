package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store"
)

// Recorder is a pipeline store that passes every call on to the store it
// wraps and watches what is committed: which events were applied (by the
// audit entries of successful commits), when the target number was reached,
// and, if asked, every committed batch in order, so that the same writes
// can be replayed elsewhere. Its methods are safe for concurrent use.
type Recorder struct {
	next   pipeline.Store
	target int
	keep   bool

	mu        sync.Mutex
	applied   map[string]struct{}
	batches   []store.Batch
	reachedAt time.Time
	reached   chan struct{} // closed when target events were applied
}

var _ pipeline.Store = (*Recorder)(nil)

// NewRecorder wraps next, watching for target distinct events to be
// applied; keepBatches keeps every committed batch for [Recorder.Batches].
func NewRecorder(next pipeline.Store, target int, keepBatches bool) *Recorder {
	return &Recorder{next: next, target: target, keep: keepBatches,
		applied: make(map[string]struct{}, target), reached: make(chan struct{})}
}

// Load implements pipeline.Store.
func (r *Recorder) Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error) {
	return r.next.Load(ctx, patientIDs, encounterIDs)
}

// Commit implements pipeline.Store, recording the batch once the wrapped
// store accepted it.
func (r *Recorder) Commit(ctx context.Context, b store.Batch) error {
	if err := r.next.Commit(ctx, b); err != nil {
		return err
	}
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range b.Audit {
		r.applied[a.Provenance.EventID] = struct{}{}
	}
	if r.keep {
		r.batches = append(r.batches, b)
	}
	if len(r.applied) >= r.target && r.reachedAt.IsZero() {
		r.reachedAt = now
		close(r.reached)
	}
	return nil
}

// Applied is how many distinct events were applied so far.
func (r *Recorder) Applied() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.applied)
}

// Wait returns when the commit that applied the target-th event returned,
// or an error when timeout passes first.
func (r *Recorder) Wait(ctx context.Context, timeout time.Duration) (time.Time, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-r.reached:
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.reachedAt, nil
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	case <-t.C:
		return time.Time{}, fmt.Errorf("only %d of %d events applied after %s", r.Applied(), r.target, timeout)
	}
}

// Batches returns the committed batches, in commit order, when kept.
func (r *Recorder) Batches() []store.Batch {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.batches
}

// Committer is a store's write side.
type Committer interface {
	Commit(ctx context.Context, b store.Batch) error
}

// Replay commits batches to s one after another, as the pipeline did, and
// returns how long that took.
func Replay(ctx context.Context, s Committer, batches []store.Batch) (time.Duration, error) {
	start := time.Now()
	for i, b := range batches {
		if err := s.Commit(ctx, b); err != nil {
			return 0, fmt.Errorf("replay batch %d of %d: %w", i+1, len(batches), err)
		}
	}
	return time.Since(start), nil
}
