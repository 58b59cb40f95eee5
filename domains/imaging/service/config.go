package service

import (
	"errors"
	"fmt"
	"net"

	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/outbox"
)

// Environment variables read by ConfigFromEnv, besides kafkax's PRONTUARIO_KAFKA_*.
const (
	EnvAddr        = "PRONTUARIO_IMAGING_ADDR"
	EnvDatabaseURL = "PRONTUARIO_IMAGING_DATABASE_URL"
)

// Defaults of Config.
const (
	DefaultAddr        = ":8084"
	DefaultDatabaseURL = "sqlite:.prontuario/imaging.db"
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
	c := Config{Addr: getenv(EnvAddr), DatabaseURL: getenv(EnvDatabaseURL), Kafka: kafka}.WithDefaults()
	if err := errors.Join(kafkaErr, c.Validate()); err != nil {
		return Config{}, fmt.Errorf("imaging config: %w", err)
	}
	return c, nil
}
