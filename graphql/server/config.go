package server

import (
	"errors"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/graphql/limits"
)

// Config tunes the handler. The zero value of a field means its default.
type Config struct {
	// Limits bound query depth and worst-case size, and page sizes.
	// MaxFirst must not exceed history.MaxPageSize.
	Limits limits.Config
	// AwaitTimeout bounds how long a request waits for the events named in
	// its X-Prontuario-Await-Event header. Default 5s.
	AwaitTimeout time.Duration
	// AwaitPollInterval is the first pause between two checks of awaited
	// events; it doubles up to 200ms. Default 10ms.
	AwaitPollInterval time.Duration
	// MaxAwaitedEvents caps the ids one request may await. Default 20.
	MaxAwaitedEvents int
	// MaxBodyBytes caps a request body (and a GET query string). Default 1 MiB.
	MaxBodyBytes int64
	// RequestTimeout bounds the execution of one request. Default 30s.
	RequestTimeout time.Duration
}

// Defaults of Config.
const (
	DefaultAwaitTimeout      = 5 * time.Second
	DefaultAwaitPollInterval = 10 * time.Millisecond
	DefaultMaxAwaitedEvents  = 20
	DefaultMaxBodyBytes      = 1 << 20
	DefaultRequestTimeout    = 30 * time.Second
)

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	c.Limits = c.Limits.WithDefaults()
	if c.AwaitTimeout == 0 {
		c.AwaitTimeout = DefaultAwaitTimeout
	}
	if c.AwaitPollInterval == 0 {
		c.AwaitPollInterval = DefaultAwaitPollInterval
	}
	if c.MaxAwaitedEvents == 0 {
		c.MaxAwaitedEvents = DefaultMaxAwaitedEvents
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	return c
}

// Validate reports every invalid field at once.
func (c Config) Validate() error {
	errs := []error{c.Limits.Validate()}
	if c.Limits.MaxFirst > history.MaxPageSize {
		errs = append(errs, fmt.Errorf("server: Limits.MaxFirst must not exceed the store's page cap %d, got %d", history.MaxPageSize, c.Limits.MaxFirst))
	}
	if c.AwaitTimeout < 0 {
		errs = append(errs, fmt.Errorf("server: AwaitTimeout must not be negative, got %s", c.AwaitTimeout))
	}
	if c.AwaitPollInterval <= 0 {
		errs = append(errs, fmt.Errorf("server: AwaitPollInterval must be positive, got %s", c.AwaitPollInterval))
	}
	if c.MaxAwaitedEvents < 1 {
		errs = append(errs, fmt.Errorf("server: MaxAwaitedEvents must be at least 1, got %d", c.MaxAwaitedEvents))
	}
	if c.MaxBodyBytes < 1024 {
		errs = append(errs, fmt.Errorf("server: MaxBodyBytes must be at least 1024, got %d", c.MaxBodyBytes))
	}
	if c.RequestTimeout <= 0 {
		errs = append(errs, fmt.Errorf("server: RequestTimeout must be positive, got %s", c.RequestTimeout))
	}
	return errors.Join(errs...)
}
