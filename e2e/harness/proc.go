package harness

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Proc is one running (or stopped) process of the hospital. Its methods are
// safe for concurrent use.
type Proc struct {
	Name string
	bin  string
	args []string
	env  []string
	// Health is polled after each start: an HTTP URL answering 200, or a
	// host:port accepting TCP connections when it does not start with http.
	Health string

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
	logs *syncBuffer
}

// NewProc describes a process; Start runs it.
func NewProc(name, bin string, env []string, health string, args ...string) *Proc {
	return &Proc{Name: name, bin: bin, env: env, Health: health, args: args, logs: &syncBuffer{}}
}

// Start runs the process and waits until it is healthy; it is stopped with
// SIGTERM at the end of the test.
func (p *Proc) Start(t testing.TB) {
	t.Helper()
	p.mu.Lock()
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = p.env
	fmt.Fprintf(p.logs, "---- start %s\n", time.Now().Format(time.RFC3339Nano))
	cmd.Stdout, cmd.Stderr = p.logs, p.logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		p.mu.Unlock()
		t.Fatalf("start %s: %v", p.Name, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	p.cmd, p.done = cmd, done
	p.mu.Unlock()
	t.Cleanup(func() { p.Stop() })
	if err := waitHealthy(p.Health, done, 60*time.Second); err != nil {
		t.Fatalf("%s did not become healthy: %v\n%s", p.Name, err, p.Logs())
	}
}

// Stop sends SIGTERM and waits up to 20 s (then SIGKILL). It returns
// whether the process stopped by itself.
func (p *Proc) Stop() bool {
	p.mu.Lock()
	cmd, done := p.cmd, p.done
	p.cmd = nil
	p.mu.Unlock()
	if cmd == nil {
		return true
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
		return true
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		return false
	}
}

// Kill sends SIGKILL, as a crash would, and waits for the process to go.
func (p *Proc) Kill() {
	p.mu.Lock()
	cmd, done := p.cmd, p.done
	p.cmd = nil
	p.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Kill()
	<-done
}

// Restart stops the process (SIGTERM) and starts it again.
func (p *Proc) Restart(t testing.TB) {
	t.Helper()
	p.Stop()
	p.Start(t)
}

// Running reports whether the process is running.
func (p *Proc) Running() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil {
		return false
	}
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Logs returns everything the process wrote, across restarts.
func (p *Proc) Logs() string { return p.logs.String() }

func waitHealthy(health string, exited <-chan struct{}, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	client := &http.Client{Timeout: time.Second}
	for {
		if healthy(client, health) {
			return nil
		}
		select {
		case <-exited:
			return fmt.Errorf("exited before becoming healthy")
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no healthy answer from %s after %s", health, timeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func healthy(client *http.Client, health string) bool {
	if len(health) > 4 && health[:4] == "http" {
		resp, err := client.Get(health)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	conn, err := net.DialTimeout("tcp", health, time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// FreeAddr returns a loopback address with a port free right now.
func FreeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Run runs a one-shot process (such as the simulator) to completion and
// returns its combined output.
func (p *Proc) Run(t testing.TB) (string, error) {
	t.Helper()
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = p.env
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := cmd.CombinedOutput()
	p.logs.Write(out)
	return string(out), err
}

// FreeAddrs returns n distinct loopback addresses with ports free right
// now: all n are held open until every one is chosen, so no two are equal
// (n calls of FreeAddr may return one port twice).
func FreeAddrs(t testing.TB, n int) []string {
	t.Helper()
	out := make([]string, n)
	for i := range out {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		out[i] = ln.Addr().String()
	}
	return out
}
