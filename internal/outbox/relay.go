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

// Run publishes rows until ctx is done, then finishes the batch in progress
// and returns nil. Publishing errors are logged and retried with backoff;
// they never stop Run.
func (r *Relay) Run(ctx context.Context) error {
	if !r.running.CompareAndSwap(false, true) {
		return ErrAlreadyRunning
	}
	defer r.running.Store(false)

	committed, err := r.db.Listen(ctx, Channel)
	if err != nil {
		r.logger.Warn("outbox relay cannot listen for commits; polling only", "err", err, "poll_interval", r.cfg.PollInterval)
	}
	poll := time.NewTicker(r.cfg.PollInterval)
	defer poll.Stop()
	failures := 0
	for ctx.Err() == nil {
		n, err := r.relayBatch(ctx)
		if err != nil {
			failures++
			r.failures.Add(1)
			delay := r.backoff(failures)
			r.logger.Warn("outbox relay batch failed", "err", err, "published", n, "consecutive_failures", failures, "retry_in", delay)
			sleep(ctx, delay)
			continue
		}
		failures = 0
		if n == r.cfg.BatchSize {
			continue // probably more waiting
		}
		select {
		case <-ctx.Done():
		case <-r.wake:
		case <-committed:
		case <-poll.C:
		}
	}
	return nil
}

// backoff is the wait after the given number of consecutive failures:
// exponential from MinBackoff, capped at MaxBackoff, with ±20% jitter so
// several relays do not retry in lockstep.
func (r *Relay) backoff(failures int) time.Duration {
	d := r.cfg.MinBackoff << min(failures-1, 30)
	if d <= 0 || d > r.cfg.MaxBackoff {
		d = r.cfg.MaxBackoff
	}
	jitter := 0.8 + 0.4*rand.Float64()
	return min(time.Duration(float64(d)*jitter), r.cfg.MaxBackoff)
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
