package pipeline

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/contracts"
)

// Config tunes the pipeline. The zero value is completed by WithDefaults.
type Config struct {
	// ConsumerGroup is the Kafka consumer group shared by every aggregator
	// replica. Default "prontuario-aggregator".
	ConsumerGroup string
	// Topics are consumed, one group member per topic. Default: the four
	// domain topics.
	Topics []string
	// DeadLetterTopic receives poison. Default contracts.TopicDeadLetter.
	DeadLetterTopic string
	// RecordDeadLettersOnly, when set, records poison in the read store but
	// does not publish it to the dead-letter topic again: for a rebuild,
	// which replays messages that were dead-lettered the first time.
	RecordDeadLettersOnly bool
	// MaxBatch caps how many events one store commit carries. Default 256.
	MaxBatch int
	// MaxWait is how long a batch waits for more events once it has one.
	// Default 2 ms: enough to gather the partitions' concurrent deliveries.
	// A batch stops waiting sooner once it holds an event from every
	// partition of the previous batch (each partition has one message in
	// flight at a time, so no more can come from those).
	MaxWait time.Duration
	// CachedDocuments caps the patient and encounter documents the applier
	// keeps as its own last commits left them, so that the next batches need
	// not load them again (a document another writer changed meanwhile fails
	// the commit with store.ErrConflict, and the batch is reloaded). Default
	// 4096; negative disables the cache. A store that follows the active
	// generation must implement GenerationBinder, and name its generation
	// (Generation() string) for the cache to be emptied on a switch.
	CachedDocuments int
	// ConflictRetries is how many times a batch is reloaded and re-applied
	// when another writer changed one of its documents. Default 5; after
	// that the batch fails and the messages are redelivered.
	ConflictRetries int
	// RetryInitial and RetryMax bound the exponential backoff applied to a
	// message whose store write failed. Defaults 100 ms and 10 s.
	RetryInitial, RetryMax time.Duration
	// Now is the clock for ingestion times. Default time.Now.
	Now func() time.Time
	// Tracing provides the span of each applied message, a child of the
	// traceparent in its Kafka headers (the relay's publish span, itself a
	// child of the command's), with a child span for the store commit that
	// made it durable. Nil means the global provider (internal/tracing.Setup).
	Tracing trace.TracerProvider
}

// WithDefaults returns c with every unset field at its default.
func (c Config) WithDefaults() Config {
	if c.ConsumerGroup == "" {
		c.ConsumerGroup = "prontuario-aggregator"
	}
	if len(c.Topics) == 0 {
		c.Topics = contracts.SourceTopics()
	}
	if c.DeadLetterTopic == "" {
		c.DeadLetterTopic = contracts.TopicDeadLetter
	}
	if c.MaxBatch == 0 {
		c.MaxBatch = 256
	}
	if c.MaxWait == 0 {
		c.MaxWait = 2 * time.Millisecond
	}
	if c.CachedDocuments == 0 {
		c.CachedDocuments = 4096
	}
	if c.ConflictRetries == 0 {
		c.ConflictRetries = 5
	}
	if c.RetryInitial == 0 {
		c.RetryInitial = 100 * time.Millisecond
	}
	if c.RetryMax == 0 {
		c.RetryMax = 10 * time.Second
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Validate reports every problem of a defaulted config at once.
func (c Config) Validate() error {
	var errs []error
	if c.MaxBatch < 1 {
		errs = append(errs, fmt.Errorf("MaxBatch %d must be >= 1", c.MaxBatch))
	}
	if c.MaxWait < 0 {
		errs = append(errs, fmt.Errorf("MaxWait %s must not be negative", c.MaxWait))
	}
	if c.ConflictRetries < 1 {
		errs = append(errs, fmt.Errorf("ConflictRetries %d must be >= 1", c.ConflictRetries))
	}
	if c.RetryInitial <= 0 || c.RetryMax < c.RetryInitial {
		errs = append(errs, fmt.Errorf("retry backoff %s..%s must be positive and increasing", c.RetryInitial, c.RetryMax))
	}
	for _, t := range c.Topics {
		if t == c.DeadLetterTopic {
			errs = append(errs, fmt.Errorf("topic %s is also the dead-letter topic", t))
		}
	}
	return errors.Join(errs...)
}
