package outbox

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/otel/trace"
)

// Defaults applied by [RelayConfig.WithDefaults] to zero-valued fields.
const (
	DefaultBatchSize    = 1000
	DefaultLanes        = 256
	DefaultPollInterval = time.Second
	DefaultMinBackoff   = 100 * time.Millisecond
	DefaultMaxBackoff   = 30 * time.Second
	DefaultBatchTimeout = 30 * time.Second
)

// RelayConfig tunes a [Relay]. The zero value of each field means "use the
// default"; see [RelayConfig.WithDefaults].
type RelayConfig struct {
	// BatchSize is how many rows the relay reads at a time, default
	// [DefaultBatchSize]. Larger batches amortise the database round trips.
	// On PostgreSQL up to two batches are in flight (the next is read while
	// the previous is published); on SQLite each batch is fully
	// acknowledged before the next starts.
	BatchSize int

	// Lanes is how many goroutines publish concurrently, default
	// [DefaultLanes]. A synchronous publisher does one round trip per
	// message, so throughput grows with lanes (the Kafka publisher gathers
	// concurrent messages into shared produce requests). One record's
	// events always share a lane and are published one after another, in
	// order.
	Lanes int

	// PollInterval is how often the relay looks at the outbox when nothing
	// woke it, default [DefaultPollInterval]. Commits wake it at once; the
	// poll covers lost wake-ups (a dropped LISTEN connection, rows written
	// by another program).
	PollInterval time.Duration

	// MinBackoff and MaxBackoff bound the wait after a failed batch: it
	// starts at MinBackoff and doubles (with jitter) on every consecutive
	// failure up to MaxBackoff. Defaults [DefaultMinBackoff], [DefaultMaxBackoff].
	MinBackoff time.Duration
	MaxBackoff time.Duration

	// BatchTimeout bounds each database statement of the relay (reading
	// and deleting rows); the rows in flight when Run's context is
	// cancelled are still deleted within it once published. Default [DefaultBatchTimeout].
	BatchTimeout time.Duration

	// Tracing provides the relay's publish spans, each a child of the
	// traceparent its event carries (the command's); the span's own
	// traceparent replaces it in the Kafka headers, so the consumer's spans
	// follow on. Nil means the global provider (internal/tracing.Setup),
	// a no-op that leaves traceparents unchanged unless tracing is on.
	Tracing trace.TracerProvider
}

// WithDefaults returns a copy of c with every zero-valued field set to its default.
func (c RelayConfig) WithDefaults() RelayConfig {
	if c.BatchSize == 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.Lanes == 0 {
		c.Lanes = DefaultLanes
	}
	if c.PollInterval == 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.MinBackoff == 0 {
		c.MinBackoff = DefaultMinBackoff
	}
	if c.MaxBackoff == 0 {
		c.MaxBackoff = DefaultMaxBackoff
	}
	if c.BatchTimeout == 0 {
		c.BatchTimeout = DefaultBatchTimeout
	}
	return c
}

// Validate reports every problem of c, joined. Call it on the result of
// [RelayConfig.WithDefaults].
func (c RelayConfig) Validate() error {
	var errs []error
	if c.BatchSize < 1 || c.BatchSize > 10000 {
		errs = append(errs, fmt.Errorf("BatchSize must be between 1 and 10000, got %d", c.BatchSize))
	}
	if c.Lanes < 1 || c.Lanes > 1024 {
		errs = append(errs, fmt.Errorf("Lanes must be between 1 and 1024, got %d", c.Lanes))
	}
	if c.PollInterval <= 0 {
		errs = append(errs, fmt.Errorf("PollInterval must be positive, got %s", c.PollInterval))
	}
	if c.MinBackoff <= 0 || c.MaxBackoff < c.MinBackoff {
		errs = append(errs, fmt.Errorf("backoff must satisfy 0 < MinBackoff <= MaxBackoff, got %s and %s", c.MinBackoff, c.MaxBackoff))
	}
	if c.BatchTimeout <= 0 {
		errs = append(errs, errors.New("BatchTimeout must be positive"))
	}
	return errors.Join(errs...)
}
