package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/internal/tracing"
)

// ErrStopped is returned by Applier methods once its Run has returned.
var ErrStopped = errors.New("applier stopped")

// request is one delivery (or dead letter) waiting for its batch's commit.
type request struct {
	delivery   *history.Delivery
	deadLetter *history.DeadLetter
	done       chan error // buffered: the applier never blocks on it
	span       trace.Span // of the submitter, for the commit's span
}

// lane is the topic and partition a request's message came from.
func (r request) lane() lane {
	if r.delivery != nil {
		return lane{r.delivery.Topic, r.delivery.Partition}
	}
	return lane{r.deadLetter.Topic, r.deadLetter.Partition}
}

// lane is one partition of one topic. Its handler has at most one message in
// flight: watermill hands a partition's next message over only once the
// previous one is acknowledged, which is after its batch committed.
type lane struct {
	topic     string
	partition int32
}

// Applier gathers the deliveries of concurrent handlers into micro-batches
// and commits each batch with one write per touched document. Apply and
// RecordDeadLetter are safe for concurrent use; Run must be running.
type Applier struct {
	store   Store
	cfg     Config
	logger  *slog.Logger
	reqs    chan request
	stopped chan struct{}
	metrics *Metrics
	tracer  trace.Tracer
	// lastLanes are the lanes of the previous batch and cache the documents
	// of the last commits (Run's goroutine only).
	lastLanes map[lane]bool
	cache     *docCache
}

// NewApplier returns an applier writing to s. cfg is defaulted.
func NewApplier(s Store, cfg Config, metrics *Metrics, logger *slog.Logger) *Applier {
	cfg = cfg.WithDefaults()
	return &Applier{store: s, cfg: cfg, logger: logger, metrics: metrics, tracer: tracing.Tracer(cfg.Tracing),
		reqs: make(chan request), stopped: make(chan struct{}), cache: newDocCache(cfg.CachedDocuments)}
}

// Apply returns once the delivery is durably applied (nil), found to be
// poison (*PoisonError), or could not be written (any other error: retry).
func (a *Applier) Apply(ctx context.Context, d history.Delivery) error {
	return a.submit(ctx, request{delivery: &d, done: make(chan error, 1), span: trace.SpanFromContext(ctx)})
}

// RecordDeadLetter durably records that a message was dead-lettered.
func (a *Applier) RecordDeadLetter(ctx context.Context, dl history.DeadLetter) error {
	return a.submit(ctx, request{deadLetter: &dl, done: make(chan error, 1), span: trace.SpanFromContext(ctx)})
}

func (a *Applier) submit(ctx context.Context, r request) error {
	select {
	case a.reqs <- r:
	case <-a.stopped:
		return ErrStopped
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		// The batch may still commit; the message will be redelivered and
		// re-applied harmlessly.
		return ctx.Err()
	}
}

// Run processes batches until ctx ends; the batch in progress is finished.
func (a *Applier) Run(ctx context.Context) error {
	defer close(a.stopped)
	for {
		var first request
		select {
		case <-ctx.Done():
			return nil
		case first = <-a.reqs:
		}
		batch := a.gather(first)
		start := time.Now()
		// The batch's commit must not be cut short by shutdown: its callers
		// wait for the answer before acknowledging their offsets.
		a.process(context.WithoutCancel(ctx), batch)
		a.metrics.observeCommit(time.Since(start))
	}
}

// gather collects more requests until MaxBatch or MaxWait, or until the
// batch holds a request from every lane of the previous batch: their
// handlers resubmit together once that batch committed, and none of them can
// send a second request before this batch commits, so waiting longer would
// only add latency. Lanes that went quiet cost at most MaxWait, as before.
func (a *Applier) gather(first request) []request {
	batch := []request{first}
	missing := make(map[lane]bool, len(a.lastLanes))
	for l := range a.lastLanes {
		missing[l] = true
	}
	delete(missing, first.lane())
	defer func() { a.lastLanes = lanesOf(batch) }()
	timer := newTimer(a.cfg.MaxWait)
	defer timer.Stop()
	for len(batch) < a.cfg.MaxBatch && (len(missing) > 0 || len(a.lastLanes) == 0) {
		select {
		case r := <-a.reqs:
			batch = append(batch, r)
			delete(missing, r.lane())
		case <-timer.C:
			return batch
		}
	}
	return batch
}

func lanesOf(batch []request) map[lane]bool {
	out := make(map[lane]bool, len(batch))
	for _, r := range batch {
		out[r.lane()] = true
	}
	return out
}

// process commits one batch, reloading and re-applying on a conflict.
func (a *Applier) process(ctx context.Context, reqs []request) {
	began := time.Now()
	var (
		results []outcome
		err     error
	)
	for attempt := 1; ; attempt++ {
		results, err = a.attempt(ctx, reqs)
		retry := errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrUnknownGeneration)
		if err == nil || !retry || attempt >= a.cfg.ConflictRetries {
			break
		}
		a.logger.Debug("batch conflicted with another writer or a generation switch; re-applying", "attempt", attempt, "events", len(reqs), "err", err)
	}
	switch {
	case errors.Is(err, store.ErrDocumentTooLarge):
		err = fmt.Errorf("commit batch of %d: %w", len(reqs), err)
		a.logger.Error("an encounter document outgrew the store's limit; the messages will be retried until an operator intervenes",
			"err", err, "events", len(reqs), "limit_bytes", store.MaxDocumentBytes)
	case err != nil:
		err = fmt.Errorf("commit batch of %d: %w", len(reqs), err)
		a.logger.Warn("store commit failed; the messages will be retried", "err", err, "events", len(reqs))
	}
	a.metrics.observeBatch(reqs, results, err)
	traceCommit(a.tracer, reqs, began, err)
	for i, r := range reqs {
		if err != nil {
			r.done <- err
		} else {
			r.done <- results[i].err
		}
	}
}

// attempt loads, applies and commits the batch once, through a store bound
// to one generation for the whole attempt (see GenerationBinder). Any
// failure empties the document cache, so a retry reads the store.
func (a *Applier) attempt(ctx context.Context, reqs []request) ([]outcome, error) {
	st := a.store
	if b, ok := st.(GenerationBinder); ok {
		var err error
		if st, err = b.BindGeneration(ctx); err != nil {
			a.cache.reset()
			return nil, fmt.Errorf("bind generation: %w", err)
		}
	}
	bt, err := a.build(ctx, st, reqs)
	if err == nil {
		err = st.Commit(ctx, bt.batch)
	}
	if err != nil {
		a.cache.reset()
		return nil, err
	}
	a.cache.committed(bt.batch, bt.loadedP, bt.loadedE)
	return bt.results, nil
}
