package broker

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
)

// ErrClosed is returned by the methods of a Broker that was closed.
var ErrClosed = errors.New("broker closed")

// offsetsRetentionMinutes keeps the committed offsets of idle consumer groups
// for ~4000 years instead of Kafka's 7 days: an aggregator that is down for a
// week must resume where it stopped, not replay every topic from the start.
const offsetsRetentionMinutes = 1<<31 - 1

// Broker is a running embedded broker. Its methods are safe for concurrent use.
type Broker struct {
	cluster *kfake.Cluster
	addr    string
	cfg     Config

	stopRetention chan struct{}
	retentionDone chan struct{}
	closeOnce     sync.Once

	// mu guards closed: kfake's admin calls block forever once the
	// cluster is closed, so they run under a read lock and Close takes
	// the write lock.
	mu     sync.RWMutex
	closed bool
}

// Start applies the defaults to cfg, validates it, loads whatever DataDir
// holds, creates the missing Config.Topics and starts serving. Close the
// returned Broker to stop it and flush its state to DataDir.
func Start(cfg Config) (*Broker, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("broker: invalid config: %w", err)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("broker: data dir: %w", err)
	}
	cluster, err := kfake.NewCluster(clusterOpts(cfg)...)
	if err != nil {
		return nil, fmt.Errorf("broker: start on %s with data dir %s: %w", cfg.Addr, cfg.DataDir, err)
	}
	b := &Broker{
		cluster:       cluster,
		addr:          cluster.ListenAddrs()[0],
		cfg:           cfg,
		stopRetention: make(chan struct{}),
		retentionDone: make(chan struct{}),
	}

	// kfake seeds topics only into an empty DataDir; a topic added to
	// Config.Topics later must still be created on a restart.
	if err := b.CreateTopics(cfg.Partitions, cfg.Topics...); err != nil {
		cluster.Close()
		return nil, fmt.Errorf("broker: %w", err)
	}

	cluster.ApplyRetention()
	go b.retentionLoop(cfg.RetentionCheckInterval)

	cfg.Logger.Info("broker started", "addr", b.addr, "data_dir", cfg.DataDir,
		"partitions", cfg.Partitions, "retention_bytes", cfg.RetentionBytes)
	return b, nil
}

func clusterOpts(cfg Config) []kfake.Opt {
	opts := []kfake.Opt{
		kfake.NumBrokers(1),
		// kfake always asks for 127.0.0.1:<port>; listen where we were told.
		kfake.ListenFn(func(network, _ string) (net.Listener, error) {
			return net.Listen(network, cfg.Addr)
		}),
		kfake.DataDir(cfg.DataDir),
		kfake.ClusterID("prontuario"),
		kfake.SeedTopics(int32(cfg.Partitions), cfg.Topics...),
		kfake.GroupMinSessionTimeout(cfg.GroupMinSessionTimeout),
		// Broker configs given here override those persisted in DataDir.
		kfake.BrokerConfigs(map[string]string{
			"log.retention.ms":          "-1",
			"log.retention.bytes":       strconv.FormatInt(cfg.RetentionBytes, 10),
			"offsets.retention.minutes": strconv.Itoa(offsetsRetentionMinutes),
		}),
		kfake.WithLogger(slogAdapter{cfg.Logger}),
	}
	if cfg.SyncWrites {
		opts = append(opts, kfake.SyncWrites())
	}
	return opts
}

// Addr returns the host:port the broker listens on, with the actual port
// when Config.Addr asked for port 0.
func (b *Broker) Addr() string { return b.addr }

// ApplyRetention deletes, right now, the oldest records of every partition
// larger than Config.RetentionBytes. The broker also does it every
// Config.RetentionCheckInterval. It returns [ErrClosed] after Close.
func (b *Broker) ApplyRetention() error {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.closed {
		return ErrClosed
	}
	b.cluster.ApplyRetention()
	return nil
}

// Close stops the broker, closing client connections and writing its state
// to DataDir. It is idempotent.
func (b *Broker) Close() {
	b.closeOnce.Do(func() {
		close(b.stopRetention)
		<-b.retentionDone
		b.mu.Lock()
		b.closed = true
		b.mu.Unlock()
		b.cluster.Close()
		b.cfg.Logger.Info("broker stopped", "addr", b.addr)
	})
}

func (b *Broker) retentionLoop(interval time.Duration) {
	defer close(b.retentionDone)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-b.stopRetention:
			return
		case <-ticker.C:
			_ = b.ApplyRetention() // only fails after Close, which stops this loop first
		}
	}
}
