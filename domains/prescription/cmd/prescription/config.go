package main

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/outbox"
)

// Environment variables read by configFromEnv (besides kafkax's).
const (
	envAddr        = "PRONTUARIO_PRESCRIPTION_ADDR"
	envDatabaseURL = "PRONTUARIO_PRESCRIPTION_DATABASE_URL"
	// envIdempotencyTTL is a Go duration ("24h", "90m").
	envIdempotencyTTL = "PRONTUARIO_PRESCRIPTION_IDEMPOTENCY_TTL"
	envSeedDemo       = "PRONTUARIO_PRESCRIPTION_SEED_DEMO"
)

// Defaults of Config.
const (
	DefaultAddr           = ":8082"
	DefaultDatabaseURL    = "sqlite:.prontuario/prescription.db"
	DefaultIdempotencyTTL = idempotency.DefaultTTL
)

// Config configures the service. The zero value of a field means its
// default; see WithDefaults.
type Config struct {
	// Addr is the HTTP listen address, default DefaultAddr.
	Addr string
	// DatabaseURL selects the database: "postgres://..." for PostgreSQL,
	// "sqlite:path" for an embedded SQLite file (default DefaultDatabaseURL).
	DatabaseURL string
	// SeedDemo adds the demo catalog's missing entries at start (see
	// app.DemoCatalog); it never overwrites an entry.
	SeedDemo bool
	// IdempotencyTTL is how long the answer to an Idempotency-Key is kept,
	// default DefaultIdempotencyTTL; a retry after that runs again.
	IdempotencyTTL time.Duration
	// Kafka is where the relay publishes (topic hospital.prescription.v1).
	Kafka kafkax.Config
	// Relay tunes the outbox relay; zero fields take outbox's defaults.
	Relay outbox.RelayConfig
}

// WithDefaults returns a copy of c with every zero-valued field set to its
// default.
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

// Validate reports every problem of c at once. Call it on the result of
// WithDefaults.
func (c Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("Addr %q is not host:port: %w", c.Addr, err))
	}
	if c.DatabaseURL == "" {
		errs = append(errs, errors.New("DatabaseURL must not be empty"))
	}
	if c.IdempotencyTTL < time.Minute {
		errs = append(errs, fmt.Errorf("IdempotencyTTL %s is shorter than a minute", c.IdempotencyTTL))
	}
	errs = append(errs, c.Kafka.Validate(), c.Relay.Validate())
	return errors.Join(errs...)
}

// configFromEnv builds the configuration from the environment, reporting
// every malformed variable and invalid value at once.
func configFromEnv(getenv func(string) string) (Config, error) {
	var errs []error
	cfg := Config{Addr: getenv(envAddr), DatabaseURL: getenv(envDatabaseURL), SeedDemo: true}
	if v := getenv(envSeedDemo); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: want true or false", envSeedDemo, v))
		}
		cfg.SeedDemo = on
	}
	if v := getenv(envIdempotencyTTL); v != "" {
		ttl, err := time.ParseDuration(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: want a duration such as 24h", envIdempotencyTTL, v))
		}
		cfg.IdempotencyTTL = ttl
	}
	k, err := kafkax.ConfigFromEnv(getenv)
	errs = append(errs, err)
	cfg.Kafka = k
	cfg = cfg.WithDefaults()
	errs = append(errs, cfg.Validate())
	if err := errors.Join(errs...); err != nil {
		return Config{}, fmt.Errorf("configuration: %w", err)
	}
	return cfg, nil
}
