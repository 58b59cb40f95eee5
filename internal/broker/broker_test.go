package broker_test

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/broker"
)

func TestStartCreatesEveryTopicWithConfiguredPartitions(t *testing.T) {
	t.Parallel()
	b := startBroker(t, broker.Config{Partitions: 3})
	if !strings.HasPrefix(b.Addr(), "127.0.0.1:") || strings.HasSuffix(b.Addr(), ":0") {
		t.Fatalf("Addr() = %q, want 127.0.0.1 with a real port", b.Addr())
	}
	got := topicPartitions(t, newClient(t, b.Addr()))
	for _, topic := range contracts.AllTopics() {
		if got[topic] != 3 {
			t.Errorf("topic %s has %d partitions, want 3", topic, got[topic])
		}
	}
}

func TestRestartKeepsRecordsOffsetsAndCreatesNewTopics(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first := startBroker(t, broker.Config{DataDir: dir, Topics: []string{"a"}})
	addr := first.Addr()
	cl := newClient(t, addr)
	produce(t, cl, "a", time.Now(), []byte("1"), []byte("2"), []byte("3"))
	commitOffset(t, cl, "g", "a", 2)
	cl.Close()

	began := time.Now()
	first.Close()
	first.Close() // idempotent
	second := startBroker(t, broker.Config{Addr: addr, DataDir: dir, Topics: []string{"a", "b"}})
	t.Logf("restart took %s", time.Since(began))
	if second.Addr() != addr {
		t.Fatalf("restarted on %s, want %s", second.Addr(), addr)
	}

	cl = newClient(t, addr)
	if _, next := offsets(t, cl, "a"); next != 3 {
		t.Errorf("topic a next offset after restart = %d, want 3", next)
	}
	if got := fetchOffset(t, cl, "g", "a"); got != 2 {
		t.Errorf("committed offset after restart = %d, want 2", got)
	}
	if got := topicPartitions(t, cl); got["b"] != broker.DefaultPartitions {
		t.Errorf("topic b added on restart has %d partitions, want %d", got["b"], broker.DefaultPartitions)
	}
}

func TestMethodsAfterCloseReturnErrClosed(t *testing.T) {
	t.Parallel()
	b := startBroker(t, broker.Config{})
	b.Close()
	if err := b.CreateTopics(1, "x"); !errors.Is(err, broker.ErrClosed) {
		t.Errorf("CreateTopics after Close = %v, want ErrClosed", err)
	}
	if err := b.ApplyRetention(); !errors.Is(err, broker.ErrClosed) {
		t.Errorf("ApplyRetention after Close = %v, want ErrClosed", err)
	}
}

func TestStartFailsWhenAddrIsTaken(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	b, err := broker.Start(broker.Config{Addr: ln.Addr().String(), DataDir: t.TempDir()})
	if err == nil {
		b.Close()
		t.Fatal("Start on a taken port succeeded")
	}
}

func TestStartRejectsInvalidConfig(t *testing.T) {
	t.Parallel()
	if _, err := broker.Start(broker.Config{}); err == nil || !strings.Contains(err.Error(), "DataDir") {
		t.Fatalf("Start(Config{}) = %v, want a DataDir error", err)
	}
}
