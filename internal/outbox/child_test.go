package outbox_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// The child relay process: TestMain runs runChildRelay instead of the tests
// when envChildDB is set.
const (
	envChildDB     = "OUTBOX_TEST_CHILD_DB"
	envChildBroker = "OUTBOX_TEST_CHILD_BROKER"
	envChildStall  = "OUTBOX_TEST_CHILD_STALL_AFTER"
	stalledLine    = "stalled"
)

// stallingPublisher publishes through pub, one message at a time, until it
// has published stallAfter messages; then it announces it on stdout and
// blocks for good. The process is then in the middle of a batch, with
// exactly stallAfter messages acknowledged and none deleted, when the parent
// kills it.
type stallingPublisher struct {
	pub        outbox.Publisher
	stallAfter int
	mu         sync.Mutex
	n          int
}

func (p *stallingPublisher) Publish(topic string, msgs ...*message.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range msgs {
		if p.n == p.stallAfter {
			fmt.Println(stalledLine)
			select {} // every lane blocks on mu; the parent SIGKILLs us here
		}
		if err := p.pub.Publish(topic, m); err != nil {
			return err
		}
		p.n++
	}
	return nil
}

func runChildRelay() int {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, os.Getenv(envChildDB), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	pub, err := kafkax.NewPublisher(kafkaConfig(os.Getenv(envChildBroker)), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var stallAfter int
	fmt.Sscan(os.Getenv(envChildStall), &stallAfter)
	r, err := outbox.NewRelay(db, &stallingPublisher{pub: pub, stallAfter: stallAfter}, outbox.RelayConfig{BatchSize: 5000, Lanes: 4}, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	_ = r.Run(ctx)
	return 0
}

func TestRelayKilledMidBatchLosesNothing(t *testing.T) {
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		testRelayKilledMidBatch(t, "sqlite:"+filepath.Join(t.TempDir(), "outbox.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		testRelayKilledMidBatch(t, postgresURL(t))
	})
}

// testRelayKilledMidBatch kills a child relay process in the middle of a
// batch, with some of its messages acknowledged by the broker and none of
// its rows deleted; a relay started afterwards publishes everything, in
// order per record. On PostgreSQL the child also held the relay lock: the
// killed connection's lock must not keep the new relay out.
func testRelayKilledMidBatch(t *testing.T, url string) {
	kb := kafkatest.Start(t)
	c := consume(t, kb)
	db := openDB(t, url)
	want := appendAll(t, db, "kill", 100, 10, 50)
	const stallAfter = 300

	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), envChildDB+"="+url, envChildBroker+"="+kb.Addr(), fmt.Sprintf("%s=%d", envChildStall, stallAfter))
	child.Stderr = os.Stderr
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatalf("start child relay: %v", err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != stalledLine {
		_ = child.Process.Kill()
		t.Fatalf("child relay said %q, %v; want %q", line, err, stalledLine)
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatalf("kill child relay: %v", err)
	}
	_ = child.Wait()

	if n := backlog(t, db); n != len(want) {
		t.Fatalf("backlog after the kill = %d, want all %d rows (the batch never finished)", n, len(want))
	}
	eventually(t, "the killed relay's messages consumed", func() bool { return c.distinct() == stallAfter })

	startRelay(t, db, kafkaPublisher(t, kb.Addr()), outbox.RelayConfig{BatchSize: 500, Lanes: 8})
	eventually(t, "every event consumed", func() bool { return c.distinct() == len(want) })
	checkDelivered(t, want, c.deliveries())
	eventually(t, "outbox drained", func() bool { return backlog(t, db) == 0 })
	eventually(t, "the killed batch's messages redelivered", func() bool { return len(c.deliveries()) >= len(want)+stallAfter })
}
