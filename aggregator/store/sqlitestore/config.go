package sqlitestore

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Config configures a Store. The zero value is not valid: Path is required.
type Config struct {
	// Path is the database file, created (with its directory) if missing.
	// Required; a plain file path, not ":memory:" or a "file:" URI, since the
	// writer and the readers open it separately.
	Path string
	// Synchronous is SQLite's synchronous setting: "FULL" (the default)
	// makes every committed batch survive a power loss; "NORMAL" is faster
	// and survives a crash of the process, but the last batches may roll
	// back on a power loss, after their Kafka offsets were acknowledged.
	Synchronous string
	// BusyTimeout is how long a connection waits for a lock held by another
	// process before failing. Default 5s.
	BusyTimeout time.Duration
	// MaxReaders is the number of connections serving reads. Default 4.
	MaxReaders int
}

// Defaults used by Config.
const (
	DefaultSynchronous = "FULL"
	DefaultBusyTimeout = 5 * time.Second
	DefaultMaxReaders  = 4
)

// withDefaults fills unset fields.
func (c Config) withDefaults() Config {
	if c.Synchronous == "" {
		c.Synchronous = DefaultSynchronous
	}
	if c.BusyTimeout == 0 {
		c.BusyTimeout = DefaultBusyTimeout
	}
	if c.MaxReaders == 0 {
		c.MaxReaders = DefaultMaxReaders
	}
	return c
}

// Validate reports every problem of the configuration (after defaults).
func (c Config) Validate() error {
	c = c.withDefaults()
	var errs []error
	switch {
	case c.Path == "":
		errs = append(errs, errors.New("sqlitestore: Path is required"))
	case c.Path == ":memory:" || strings.HasPrefix(c.Path, "file:"):
		errs = append(errs, fmt.Errorf("sqlitestore: Path %q must be a file path", c.Path))
	}
	if s := strings.ToUpper(c.Synchronous); s != "FULL" && s != "NORMAL" {
		errs = append(errs, fmt.Errorf("sqlitestore: Synchronous %q must be FULL or NORMAL", c.Synchronous))
	}
	if c.BusyTimeout < 0 {
		errs = append(errs, fmt.Errorf("sqlitestore: BusyTimeout %s is negative", c.BusyTimeout))
	}
	if c.MaxReaders < 1 {
		errs = append(errs, fmt.Errorf("sqlitestore: MaxReaders %d must be at least 1", c.MaxReaders))
	}
	return errors.Join(errs...)
}

// dsn is the driver's data source name for the writer or a reader.
func (c Config) dsn(writer bool) string {
	path := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(c.Path)
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(c.BusyTimeout.Milliseconds()))
	if writer {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", strings.ToUpper(c.Synchronous))
		q.Set("_txlock", "immediate")
	} else {
		q.Set("_query_only", "1")
	}
	return "file:" + path + "?" + q.Encode()
}
