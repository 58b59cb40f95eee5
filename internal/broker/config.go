package broker

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Defaults applied by [Config.WithDefaults] to zero-valued fields.
const (
	DefaultPartitions             = contracts.Partitions
	DefaultRetentionBytes         = 256 << 20 // 256 MiB per partition: kfake keeps its data in memory
	DefaultRetentionCheckInterval = 5 * time.Minute
	DefaultGroupMinSessionTimeout = 6 * time.Second // Kafka's group.min.session.timeout.ms
)

// UnlimitedRetentionBytes disables size-based retention: nothing is ever
// deleted and the data directory grows without bound.
const UnlimitedRetentionBytes = -1

// Config configures [Start]. The zero value of every field except DataDir
// means "use the default"; call [Config.WithDefaults] to see the result.
type Config struct {
	// Addr is the host:port to listen on, default [contracts.DefaultBrokerAddr].
	// The host must be a concrete address (not 0.0.0.0 or ::): the broker
	// tells clients to reconnect to the address it listens on. Port 0 picks a
	// free port; [Broker.Addr] reports it.
	Addr string

	// DataDir holds the log segments, topic metadata and committed offsets,
	// which survive restarts (and SIGKILL: writes go to the page cache).
	// Required. Created if missing.
	DataDir string

	// SyncWrites fsyncs every produced batch, so acknowledged records also
	// survive a machine crash, at a large cost in throughput. Default false.
	SyncWrites bool

	// Partitions is the partition count of the topics this broker creates,
	// default [DefaultPartitions]. Existing topics are never repartitioned:
	// that would move patients to other partitions and break their order.
	Partitions int

	// Topics are created at start if missing, default [contracts.AllTopics].
	Topics []string

	// RetentionBytes caps each partition's log; the oldest records beyond it
	// are deleted. Default [DefaultRetentionBytes]; [UnlimitedRetentionBytes]
	// keeps everything. Records are never deleted by age.
	RetentionBytes int64

	// RetentionCheckInterval is how often RetentionBytes is enforced, default
	// [DefaultRetentionCheckInterval]. A partition may exceed its cap by what
	// is produced in one interval.
	RetentionCheckInterval time.Duration

	// GroupMinSessionTimeout is the shortest consumer-group session timeout
	// the broker accepts, default [DefaultGroupMinSessionTimeout]. Tests lower
	// it so crashed consumers are evicted quickly.
	GroupMinSessionTimeout time.Duration

	// Logger receives the broker's logs; default discards them.
	Logger *slog.Logger
}

// WithDefaults returns a copy of c with every zero-valued field set to its
// default. DataDir has no default.
func (c Config) WithDefaults() Config {
	if c.Addr == "" {
		c.Addr = contracts.DefaultBrokerAddr
	}
	if c.Partitions == 0 {
		c.Partitions = DefaultPartitions
	}
	if c.Topics == nil {
		c.Topics = contracts.AllTopics()
	}
	if c.RetentionBytes == 0 {
		c.RetentionBytes = DefaultRetentionBytes
	}
	if c.RetentionCheckInterval == 0 {
		c.RetentionCheckInterval = DefaultRetentionCheckInterval
	}
	if c.GroupMinSessionTimeout == 0 {
		c.GroupMinSessionTimeout = DefaultGroupMinSessionTimeout
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// Validate reports every problem of c, joined. Call it on the result of
// [Config.WithDefaults].
func (c Config) Validate() error {
	var errs []error
	if err := validateAddr(c.Addr); err != nil {
		errs = append(errs, err)
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("broker: DataDir is required"))
	}
	if c.Partitions < 1 || c.Partitions > 1<<20 {
		errs = append(errs, fmt.Errorf("broker: Partitions must be between 1 and %d, got %d", 1<<20, c.Partitions))
	}
	if len(c.Topics) == 0 {
		errs = append(errs, errors.New("broker: Topics must not be empty"))
	}
	for _, t := range c.Topics {
		if err := ValidateTopicName(t); err != nil {
			errs = append(errs, err)
		}
	}
	if c.RetentionBytes < 1 && c.RetentionBytes != UnlimitedRetentionBytes {
		errs = append(errs, fmt.Errorf("broker: RetentionBytes must be positive or %d (unlimited), got %d", UnlimitedRetentionBytes, c.RetentionBytes))
	}
	if c.RetentionCheckInterval <= 0 {
		errs = append(errs, fmt.Errorf("broker: RetentionCheckInterval must be positive, got %s", c.RetentionCheckInterval))
	}
	if c.GroupMinSessionTimeout <= 0 {
		errs = append(errs, fmt.Errorf("broker: GroupMinSessionTimeout must be positive, got %s", c.GroupMinSessionTimeout))
	}
	if c.Logger == nil {
		errs = append(errs, errors.New("broker: Logger is required"))
	}
	return errors.Join(errs...)
}

func validateAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("broker: Addr %q: %w", addr, err)
	}
	var errs []error
	if host == "" {
		errs = append(errs, fmt.Errorf("broker: Addr %q: host is required (e.g. 127.0.0.1)", addr))
	} else if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		errs = append(errs, fmt.Errorf("broker: Addr %q: host must be an address clients can connect to, not %s", addr, host))
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		errs = append(errs, fmt.Errorf("broker: Addr %q: port must be a number between 0 and 65535", addr))
	}
	return errors.Join(errs...)
}

// ValidateTopicName reports whether name is a legal Kafka topic name: 1 to
// 249 characters among ASCII letters, digits, '.', '_' and '-', and neither
// "." nor "..".
func ValidateTopicName(name string) error {
	if name == "" || len(name) > 249 || name == "." || name == ".." {
		return fmt.Errorf("topic name %q: must be 1 to 249 characters and not \".\" or \"..\"", name)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return fmt.Errorf("topic name %q: character %q not allowed", name, r)
		}
	}
	return nil
}
