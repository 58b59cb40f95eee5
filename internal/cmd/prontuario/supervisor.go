package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"

	"os/exec"
	"sync"
	"syscall"
	"time"
)

// supervisor owns the child processes; it is used from one goroutine, except
// for the exit notifications its watchers send.
type supervisor struct {
	out    io.Writer
	mu     sync.Mutex
	procs  []*child
	exited chan *child
}

type child struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

func newSupervisor(out io.Writer) *supervisor {
	return &supervisor{out: out, exited: make(chan *child, 16)}
}

func (s *supervisor) start(ctx context.Context, c component, cmd *exec.Cmd, env []string) error {
	cmd.Env = env
	cmd.Stdout = prefixWriter(s.out, c.name)
	cmd.Stderr = prefixWriter(s.out, c.name)
	// Own process group, so Ctrl-C on the terminal reaches the launcher only and
	// the launcher stops the children in order.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", c.name, err)
	}
	ch := &child{name: c.name, cmd: cmd, done: make(chan struct{})}
	go func() {
		ch.err = cmd.Wait()
		close(ch.done)
		s.exited <- ch
	}()
	s.mu.Lock()
	s.procs = append(s.procs, ch)
	s.mu.Unlock()
	return nil
}

// wait returns when ctx ends (nil) or a child exits on its own (an error).
func (s *supervisor) wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case ch := <-s.exited:
		return fmt.Errorf("%s exited unexpectedly: %v", ch.name, ch.err)
	}
}

// stopAll sends SIGTERM to every child, newest first, and waits for each up
// to 15 s before killing it.
func (s *supervisor) stopAll() {
	s.mu.Lock()
	procs := append([]*child(nil), s.procs...)
	s.mu.Unlock()
	for i := len(procs) - 1; i >= 0; i-- {
		ch := procs[i]
		select {
		case <-ch.done:
			continue
		default:
		}
		_ = ch.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-ch.done:
		case <-time.After(15 * time.Second):
			fmt.Fprintf(s.out, "%s did not stop in 15 s: killing it\n", ch.name)
			_ = ch.cmd.Process.Kill()
			<-ch.done
		}
	}
}

// waitReady polls the component's health endpoint (or TCP port) until it
// answers, the deadline passes or ctx ends.
func waitReady(ctx context.Context, c component, getenv func(string) string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	addr := dialAddr(c.addr(getenv))
	client := &http.Client{Timeout: time.Second}
	for {
		if ready(client, addr, c.healthPath) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no answer on %s after %s", addr, timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func ready(client *http.Client, addr, healthPath string) bool {
	if healthPath == "" {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			return false
		}
		conn.Close()
		return true
	}
	resp, err := client.Get("http://" + addr + healthPath)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// prefixWriter prefixes each line a child writes with its name.
func prefixWriter(out io.Writer, name string) io.Writer {
	pr, pw := io.Pipe()
	go func() {
		buf := make([]byte, 0, 4096)
		tmp := make([]byte, 4096)
		for {
			n, err := pr.Read(tmp)
			buf = append(buf, tmp[:n]...)
			for {
				i := indexByte(buf, '\n')
				if i < 0 {
					break
				}
				fmt.Fprintf(out, "%-13s| %s\n", name, buf[:i])
				buf = buf[i+1:]
			}
			if err != nil {
				if len(buf) > 0 {
					fmt.Fprintf(out, "%-13s| %s\n", name, buf)
				}
				return
			}
		}
	}()
	return pw
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
