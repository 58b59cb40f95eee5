package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// brokerProcess is the broker command run as its own process (this test
// binary re-executed as main, see TestMain).
type brokerProcess struct {
	cmd    *exec.Cmd
	waited chan error
}

func startBrokerProcess(t *testing.T, addr, dir string) *brokerProcess {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envRunMain+"=1", envAddr+"="+addr, envDataDir+"="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &brokerProcess{cmd: cmd, waited: make(chan error, 1)}
	go func() { p.waited <- cmd.Wait() }()
	t.Cleanup(p.kill)
	readReady(t, stdout)
	return p
}

// kill is SIGKILL: no chance to flush or close anything.
func (p *brokerProcess) kill() {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Kill()
	<-p.waited
	p.waited <- nil // for a second kill (the cleanup)
}

// freeLoopbackAddr is a loopback address with a port free right now: the
// restarted broker must listen where the clients expect it.
func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// oneEventPerTopic publishes, through watermill-kafka, one message with the
// given tag to every topic of the contract, the dead-letter topic included.
func oneEventPerTopic(t *testing.T, cfg kafkax.Config, tag string) map[string]string {
	t.Helper()
	pub, err := kafkax.NewPublisher(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	sent := map[string]string{}
	for _, topic := range contracts.AllTopics() {
		id := fmt.Sprintf("%s-%s", tag, topic)
		m := message.NewMessage(id, []byte(`{}`))
		m.Metadata.Set(contracts.HeaderSubject, "patient-"+tag)
		if err := pub.Publish(topic, m); err != nil {
			t.Fatalf("publish to %s: %v", topic, err)
		}
		sent[topic] = id
	}
	return sent
}

// consumeAll reads one message of every topic, each with a consumer group
// of its own (group + topic: one member per group, no rebalancing between
// topics), acks it, waits until the groups' offsets are committed, and
// returns the message ids by topic.
func consumeAll(t *testing.T, cfg kafkax.Config, group string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, topic := range contracts.AllTopics() {
		sub, err := kafkax.NewSubscriber(cfg, group+"-"+topic, nil)
		if err != nil {
			t.Fatal(err)
		}
		ch, err := sub.Subscribe(t.Context(), topic)
		if err != nil {
			t.Fatal(err)
		}
		select {
		case m := <-ch:
			m.Ack()
			got[topic] = m.UUID
		case <-time.After(30 * time.Second):
			t.Fatalf("nothing consumed from %s within 30 s", topic)
		}
		waitCommitted(t, cfg, group+"-"+topic, topic)
		if err := sub.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return got
}

// waitCommitted polls until group has committed the end of topic.
func waitCommitted(t *testing.T, cfg kafkax.Config, group, topic string) {
	t.Helper()
	admin, err := kafkax.NewAdmin(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		end, errEnd := admin.EndOffsets([]string{topic})
		committed, errCommitted := admin.CommittedOffsets(group, []string{topic})
		if errEnd == nil && errCommitted == nil && committed.Reached(end) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("group %s did not commit its offsets within 30 s (%v, %v): end %v, committed %v", group, errEnd, errCommitted, end, committed)
		}
		time.Sleep(50 * time.Millisecond) // polling interval
	}
}

// TestKilledBrokerProcessKeepsMessagesAndCommittedOffsets: the broker
// process is killed with SIGKILL and started again on the same data dir; a
// consumer group resumes from its committed offsets on every topic, the
// dead-letter topic included, and nothing acknowledged is delivered again.
func TestKilledBrokerProcessKeepsMessagesAndCommittedOffsets(t *testing.T) {
	addr, dir := freeLoopbackAddr(t), t.TempDir()
	cfg := kafkax.Config{Brokers: []string{addr}, ClientID: "broker-kill-test"}
	group := "broker-kill-test-group"

	p := startBrokerProcess(t, addr, dir)
	before := oneEventPerTopic(t, cfg, "before")
	if got := consumeAll(t, cfg, group); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Fatalf("consumed %v, published %v", got, before)
	}
	p.kill()

	startBrokerProcess(t, addr, dir)
	after := oneEventPerTopic(t, cfg, "after")
	admin, err := kafkax.NewAdmin(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	end, err := admin.EndOffsets(contracts.AllTopics())
	if err != nil {
		t.Fatal(err)
	}
	if n := end.Total(); n != int64(2*len(contracts.AllTopics())) {
		t.Errorf("after SIGKILL and restart the topics hold %d messages, want the %d published (%v)", n, 2*len(contracts.AllTopics()), end)
	}
	if got := consumeAll(t, cfg, group); fmt.Sprint(got) != fmt.Sprint(after) {
		t.Fatalf("after SIGKILL and restart the group consumed %v, want only the new %v (old: %v)", got, after, before)
	}
}
