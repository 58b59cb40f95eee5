package mongostore

import (
	"errors"
	"fmt"
	"time"
)

// Config configures a Store.
type Config struct {
	// URI is the MongoDB connection string. Required.
	URI string
	// Database holds every collection of the store. Required.
	Database string
	// ActiveRefresh is how long a reader may use the active generation it
	// read last before reading it again. Default 1s.
	ActiveRefresh time.Duration
	// BulkSize caps the operations of one bulk write. Default 40: FerretDB
	// 1.24 deadlocks on bulk writes matching more than about 50 documents.
	BulkSize int
	// ConnectTimeout bounds connecting and the first ping. Default 10s.
	ConnectTimeout time.Duration
}

// Defaults used by Config.
const (
	DefaultActiveRefresh  = time.Second
	DefaultBulkSize       = 40
	DefaultConnectTimeout = 10 * time.Second
	maxBulkSize           = 1000
)

func (c Config) withDefaults() Config {
	if c.ActiveRefresh == 0 {
		c.ActiveRefresh = DefaultActiveRefresh
	}
	if c.BulkSize == 0 {
		c.BulkSize = DefaultBulkSize
	}
	if c.ConnectTimeout == 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	return c
}

// Validate reports every problem of the configuration (after defaults).
func (c Config) Validate() error {
	c = c.withDefaults()
	var errs []error
	if c.URI == "" {
		errs = append(errs, errors.New("mongostore: URI is required"))
	}
	if c.Database == "" {
		errs = append(errs, errors.New("mongostore: Database is required"))
	}
	if c.ActiveRefresh < 0 {
		errs = append(errs, fmt.Errorf("mongostore: ActiveRefresh %s is negative", c.ActiveRefresh))
	}
	if c.BulkSize < 1 || c.BulkSize > maxBulkSize {
		errs = append(errs, fmt.Errorf("mongostore: BulkSize %d is not in 1..%d", c.BulkSize, maxBulkSize))
	}
	if c.ConnectTimeout < 0 {
		errs = append(errs, fmt.Errorf("mongostore: ConnectTimeout %s is negative", c.ConnectTimeout))
	}
	return errors.Join(errs...)
}
