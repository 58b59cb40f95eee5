package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// envRunMain makes the test binary behave as the command (see TestMain), so
// the tests can exercise main's signal handling in a real process.
const envRunMain = "PRONTUARIO_BROKER_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(envRunMain) == "1" {
		os.Args = os.Args[:1] // drop the -test.* flags the command would reject
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

var readyLine = regexp.MustCompile(`^broker listening on (127\.0\.0\.1:\d+) \(data dir (.+)\)\n$`)

// readReady reads the ready line from r, failing the test after a deadline.
func readReady(t *testing.T, r io.Reader) (addr, dataDir string) {
	t.Helper()
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		lines <- line
	}()
	select {
	case line := <-lines:
		m := readyLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("ready line = %q, want %s", line, readyLine)
		}
		return m[1], m[2]
	case <-time.After(10 * time.Second):
		t.Fatal("no ready line within 10s")
		return "", ""
	}
}

func TestRunServesUntilContextIsDone(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stdout, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"broker"}, env(map[string]string{
			envAddr: "127.0.0.1:0", envDataDir: dir,
		}), w, io.Discard)
	}()

	addr, gotDir := readReady(t, stdout)
	if gotDir != dir {
		t.Errorf("ready line data dir = %q, want %q", gotDir, dir)
	}
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	conn.Close()

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return within 10s of cancel")
	}
}

func TestRunRejectsArguments(t *testing.T) {
	if err := run(t.Context(), []string{"broker", "-x"}, env(nil), io.Discard, io.Discard); err == nil {
		t.Fatal("run with arguments = nil, want error")
	}
}

func TestProcessExitsCleanlyOnSIGTERM(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envRunMain+"=1", envAddr+"=127.0.0.1:0", envDataDir+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-waited // Wait has finished copying stderr
		if t.Failed() {
			t.Logf("process stderr:\n%s", stderr.String())
		}
	})
	readReady(t, stdout)

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-waited:
		waited <- err // for the cleanup
		if err != nil {
			t.Fatalf("process exit after SIGTERM: %v, want status 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("process still running 10s after SIGTERM")
	}
	if _, err := os.Stat(filepath.Join(dir, "meta.json")); err != nil {
		t.Errorf("state not persisted: %v", err)
	}
}
