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
}

// NewApplier returns an applier writing to s. cfg is defaulted.
func NewApplier(s Store, cfg Config, metrics *Metrics, logger *slog.Logger) *Applier {
	cfg = cfg.WithDefaults()
	return &Applier{store: s, cfg: cfg, logger: logger, metrics: metrics, tracer: tracing.Tracer(cfg.Tracing),
		reqs: make(chan request), stopped: make(chan struct{})}
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

// gather collects more requests until MaxBatch or MaxWait.
func (a *Applier) gather(first request) []request {
	batch := []request{first}
	timer := newTimer(a.cfg.MaxWait)
	defer timer.Stop()
	for len(batch) < a.cfg.MaxBatch {
		select {
		case r := <-a.reqs:
			batch = append(batch, r)
		case <-timer.C:
			return batch
		}
	}
	return batch
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
// to one generation for the whole attempt (see GenerationBinder).
func (a *Applier) attempt(ctx context.Context, reqs []request) ([]outcome, error) {
	st := a.store
	if b, ok := st.(GenerationBinder); ok {
		var err error
		if st, err = b.BindGeneration(ctx); err != nil {
			return nil, fmt.Errorf("bind generation: %w", err)
		}
	}
	results, b, err := a.build(ctx, st, reqs)
	if err != nil {
		return nil, err
	}
	return results, st.Commit(ctx, b)
}
