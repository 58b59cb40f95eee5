package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/tracing"
)

// Publisher is what the relay needs of a watermill publisher
// (internal/kafkax.NewPublisher in production): a synchronous Publish that
// returns once the broker acknowledged the messages, safe for concurrent use.
type Publisher interface {
	Publish(topic string, messages ...*message.Message) error
}

var _ Publisher = message.Publisher(nil)

// ErrAlreadyRunning is returned by [Relay.Run] when the relay is already running.
var ErrAlreadyRunning = errors.New("outbox: relay is already running")

// Relay publishes the outbox's rows. Its methods are safe for concurrent use;
// Run runs once at a time.
type Relay struct {
	db      *sqldb.DB
	pub     Publisher
	cfg     RelayConfig
	logger  *slog.Logger
	wake    chan struct{}
	running atomic.Bool
	tracer  trace.Tracer

	published atomic.Uint64
	failures  atomic.Uint64
}

// NewRelay returns a relay that publishes db's outbox through pub. A nil
// logger discards logs.
func NewRelay(db *sqldb.DB, pub Publisher, cfg RelayConfig, logger *slog.Logger) (*Relay, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("outbox: invalid relay config: %w", err)
	}
	if db == nil || pub == nil {
		return nil, errors.New("outbox: NewRelay needs a database and a publisher")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Relay{db: db, pub: pub, cfg: cfg, logger: logger, wake: make(chan struct{}, 1), tracer: tracing.Tracer(cfg.Tracing)}, nil
}

// Notify wakes the relay to look for new rows. It never blocks. Commits that
// call [Append] wake the relays of their database without it.
func (r *Relay) Notify() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run publishes rows until ctx is done, then finishes the rows in flight
// and returns nil. Publishing errors are logged and retried with backoff;
// they never stop Run.
func (r *Relay) Run(ctx context.Context) error {
	if !r.running.CompareAndSwap(false, true) {
		return ErrAlreadyRunning
	}
	defer r.running.Store(false)

	r.listen(ctx)
	poll := time.NewTicker(r.cfg.PollInterval)
	defer poll.Stop()
	failures := 0
	for ctx.Err() == nil {
		n, more, err := r.drain(ctx)
		if err != nil {
			failures++
			r.failures.Add(1)
			delay := r.backoff(failures)
			r.logger.Warn("outbox relay batch failed", "err", err, "published", n, "consecutive_failures", failures, "retry_in", delay)
			sleep(ctx, delay)
			continue
		}
		failures = 0
		if more {
			continue
		}
		select {
		case <-ctx.Done():
		case <-r.wake:
		case <-poll.C:
		}
	}
	return nil
}

// drain publishes what waits: on PostgreSQL until the outbox is caught up
// (see [Relay.drainPostgres]), on SQLite one batch. more reports that rows
// are probably still waiting.
func (r *Relay) drain(ctx context.Context) (n int, more bool, err error) {
	if r.db.Dialect() == sqldb.Postgres {
		return r.drainPostgres(ctx)
	}
	n, err = r.relayBatch(ctx)
	return n, err == nil && n == r.cfg.BatchSize, err
}

// backoff is the wait after the given number of consecutive failures.
func (r *Relay) backoff(failures int) time.Duration {
	return backoff(failures, r.cfg.MinBackoff, r.cfg.MaxBackoff, rand.Float64())
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
