package service

import (
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/outbox"
)

// Environment variables read by ConfigFromEnv, besides kafkax's PRONTUARIO_KAFKA_*.
const (
	EnvAddr        = "PRONTUARIO_IMAGING_ADDR"
	EnvDatabaseURL = "PRONTUARIO_IMAGING_DATABASE_URL"
	// EnvIdempotencyTTL is a Go duration ("24h", "90m").
	EnvIdempotencyTTL = "PRONTUARIO_IMAGING_IDEMPOTENCY_TTL"
)

// Defaults of Config.
const (
	DefaultAddr           = ":8084"
	DefaultIdempotencyTTL = idempotency.DefaultTTL
	DefaultDatabaseURL    = "sqlite:.prontuario/imaging.db"
)

// Config configures the imaging service.
type Config struct {
	// Addr is the host:port the HTTP API listens on, default DefaultAddr
	// (env PRONTUARIO_IMAGING_ADDR).
	Addr string
	// DatabaseURL is the service's own database: postgres://... or
	// sqlite:path (env PRONTUARIO_IMAGING_DATABASE_URL), default
	// DefaultDatabaseURL, a file under the working directory.
	DatabaseURL string
	// IdempotencyTTL is how long the answer to an Idempotency-Key is kept
	// (env PRONTUARIO_IMAGING_IDEMPOTENCY_TTL), default DefaultIdempotencyTTL,
	// at least a minute; a retry after that runs the command again. Expired
	// answers are deleted hourly (idempotency.DefaultPurgeInterval).
	IdempotencyTTL time.Duration
	// Kafka is where events are published (env PRONTUARIO_KAFKA_*, see
	// internal/kafkax).
	Kafka kafkax.Config
	// Relay tunes the outbox relay; the zero value is its defaults.
	Relay outbox.RelayConfig
}

// WithDefaults returns a copy of c with every zero-valued field set to its default.
func (c Config) WithDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = DefaultDatabaseURL
	}
	if c.IdempotencyTTL == 0 {
		c.IdempotencyTTL = DefaultIdempotencyTTL
	}
	c.Kafka = c.Kafka.WithDefaults()
	c.Relay = c.Relay.WithDefaults()
	return c
}

// Validate reports every problem of c, joined. Call it on the result of WithDefaults.
func (c Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("Addr %q: %w", c.Addr, err))
	}
	if c.DatabaseURL == "" {
		errs = append(errs, errors.New("DatabaseURL is required"))
	}
	if c.IdempotencyTTL < time.Minute {
		errs = append(errs, fmt.Errorf("IdempotencyTTL %s is shorter than a minute", c.IdempotencyTTL))
	}
	if err := c.Kafka.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("Kafka: %w", err))
	}
	if err := c.Relay.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("Relay: %w", err))
	}
	return errors.Join(errs...)
}

// ConfigFromEnv reads the configuration through getenv (os.Getenv in
// production), applies the defaults and validates it, reporting every
// problem at once.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	kafka, kafkaErr := kafkax.ConfigFromEnv(getenv)
	var ttlErr error
	ttl, err := parseDuration(getenv(EnvIdempotencyTTL))
	if err != nil {
		ttlErr = fmt.Errorf("%s: %w", EnvIdempotencyTTL, err)
	}
	c := Config{Addr: getenv(EnvAddr), DatabaseURL: getenv(EnvDatabaseURL), IdempotencyTTL: ttl, Kafka: kafka}.WithDefaults()
	if err := errors.Join(kafkaErr, ttlErr, c.Validate()); err != nil {
		return Config{}, fmt.Errorf("imaging config: %w", err)
	}
	return c, nil
}

// parseDuration parses a Go duration; empty means zero (the default).
func parseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	return time.ParseDuration(s)
}
