package kafkatest

import (
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/broker"
)

// Partitions is the partition count of every topic the test broker creates.
const Partitions = 4

// GroupMinSessionTimeout is the shortest consumer-group session timeout the
// test broker accepts, low enough for clients tuned for fast rebalances.
const GroupMinSessionTimeout = 500 * time.Millisecond

// Broker is a test broker. Its methods are safe for concurrent use.
type Broker struct {
	mu  sync.Mutex
	cfg broker.Config
	b   *broker.Broker // nil while stopped
}

// Start starts a broker with every contracts topic on a free loopback port
// and a data dir under t.TempDir(), and stops it at the end of the test.
func Start(t testing.TB) *Broker {
	t.Helper()
	kb := &Broker{cfg: broker.Config{
		Addr:                   "127.0.0.1:0",
		DataDir:                t.TempDir(),
		Partitions:             Partitions,
		GroupMinSessionTimeout: GroupMinSessionTimeout,
		Logger:                 logger(),
	}}
	kb.start(t)
	t.Cleanup(kb.Stop)
	return kb
}

func logger() *slog.Logger {
	if os.Getenv("PRONTUARIO_TEST_BROKER_LOG") == "" {
		return nil // broker.Config's default discards
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func (kb *Broker) start(t testing.TB) {
	t.Helper()
	b, err := broker.Start(kb.cfg)
	if err != nil {
		t.Fatalf("kafkatest: start broker: %v", err)
	}
	kb.b = b
	kb.cfg.Addr = b.Addr() // a restart reuses the port
}

// Addr returns the broker's host:port; it stays the same across restarts.
func (kb *Broker) Addr() string {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	return kb.cfg.Addr
}

// Restart stops the broker (if running) and starts it again on the same
// port and data dir, as a process restart would. Clients see their
// connections drop and must reconnect.
func (kb *Broker) Restart(t testing.TB) {
	t.Helper()
	kb.mu.Lock()
	defer kb.mu.Unlock()
	if kb.b != nil {
		kb.b.Close()
		kb.b = nil
	}
	kb.start(t)
}

// Stop stops the broker, keeping its data dir for a later Restart. It is
// idempotent and is called at the end of the test.
func (kb *Broker) Stop() {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	if kb.b != nil {
		kb.b.Close()
		kb.b = nil
	}
}

// CreateTopics creates the named topics with [Partitions] partitions; topics
// that exist are left alone. The broker must be running.
func (kb *Broker) CreateTopics(t testing.TB, names ...string) {
	t.Helper()
	kb.mu.Lock()
	defer kb.mu.Unlock()
	if kb.b == nil {
		t.Fatal("kafkatest: CreateTopics on a stopped broker")
	}
	if err := kb.b.CreateTopics(Partitions, names...); err != nil {
		t.Fatalf("kafkatest: %v", err)
	}
}
