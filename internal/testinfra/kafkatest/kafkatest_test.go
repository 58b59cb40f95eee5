package kafkatest_test

import (
	"net"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/broker"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

func TestUniqueNameIsALegalDistinctTopicName(t *testing.T) {
	t.Parallel()
	a := kafkatest.UniqueName(t, "events/x")
	b := kafkatest.UniqueName(t, "events/x")
	if a == b {
		t.Errorf("two calls returned %q", a)
	}
	for _, n := range []string{a, b} {
		if err := broker.ValidateTopicName(n); err != nil {
			t.Error(err)
		}
	}
}

func TestRestartKeepsAddrAndServesAgain(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	addr := kb.Addr()
	kb.CreateTopics(t, kafkatest.UniqueName(t, "topic"))

	kb.Stop()
	kb.Stop() // idempotent
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Fatalf("stopped broker still accepts connections on %s", addr)
	}
	kb.Restart(t)
	if kb.Addr() != addr {
		t.Fatalf("Addr() after restart = %s, want %s", kb.Addr(), addr)
	}
	conn, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		t.Fatalf("restarted broker does not accept connections: %v", err)
	}
	conn.Close()
}
