package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/harness"
)

// launcher is one run of `prontuario run` (what `make run` starts), in its
// own process group as a terminal would start it.
type launcher struct {
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan error
}

func startLauncher(t *testing.T, dataDir string, env []string, args ...string) *launcher {
	t.Helper()
	cmd := exec.Command(shared.bins.Path("prontuario"), append([]string{"run", "-data-dir", dataDir, "-bin-dir", shared.bins.Dir}, args...)...)
	cmd.Env = env
	l := &launcher{cmd: cmd, out: &lockedBuffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = l.out, l.out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { l.done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		if t.Failed() {
			t.Logf("launcher output:\n%s", l.out.String())
		}
	})
	harness.Eventually(t, 3*time.Minute, "the launcher to say the hospital is up", func() bool {
		select {
		case err := <-l.done:
			t.Fatalf("launcher exited early: %v\n%s", err, l.out.String())
		default:
		}
		return strings.Contains(l.out.String(), "Ctrl-C stops everything")
	})
	return l
}

// interrupt is Ctrl-C: SIGINT to the whole foreground process group. The
// launcher must stop every component and exit cleanly.
func (l *launcher) interrupt(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(-l.cmd.Process.Pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-l.done:
		if err != nil {
			t.Fatalf("launcher exited with %v after Ctrl-C:\n%s", err, l.out.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("launcher still running 60 s after Ctrl-C:\n%s", l.out.String())
	}
}

func TestMakeRunBringsUpTheHospitalAndKeepsItsDataAcrossRuns(t *testing.T) {
	dataDir := t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PRONTUARIO_") {
			env = append(env, kv)
		}
	}
	names := []string{"GRAPHQL", "BROKER", "TRIAGE", "PRESCRIPTION", "LAB", "IMAGING", "AGGREGATOR"}
	addrs := harness.FreeAddrs(t, len(names))
	for i, name := range names {
		env = append(env, "PRONTUARIO_"+name+"_ADDR="+addrs[i])
	}
	gqlAddr := addrs[0]

	first := startLauncher(t, dataDir, env)
	out := first.out.String()
	if !strings.Contains(out, "http://"+gqlAddr+"/graphql") {
		t.Errorf("the GraphQL URL http://%s/graphql is not printed:\n%s", gqlAddr, out)
	}
	raw, err := os.ReadFile(filepath.Join(dataDir, "dev-tokens"))
	if err != nil {
		t.Fatal(err)
	}
	h := &harness.Hospital{URL: map[string]string{"graphql": "http://" + gqlAddr}, Tokens: map[string]string{}}
	for _, pair := range strings.Split(strings.TrimSpace(string(raw)), ",") {
		tok, role, _ := strings.Cut(pair, "=")
		h.Tokens[role] = tok
		if !strings.Contains(out, tok) {
			t.Errorf("the %s development token is not printed", role)
		}
	}
	if len(h.Tokens) != 3 {
		t.Fatalf("want a development token per role, got %v", h.Tokens)
	}
	count := func() int {
		a := h.Query(t, "auditor", `{ patients(first: 1) { totalCount } }`, nil)
		var d struct{ Patients struct{ TotalCount int } }
		a.Decode(t, &d)
		return d.Patients.TotalCount
	}
	harness.Eventually(t, 60*time.Second, "the demo burst's 10 patients in the read model", func() bool { return count() >= 10 })
	before := count()
	first.interrupt(t)

	second := startLauncher(t, dataDir, env, "-no-demo")
	if strings.Contains(second.out.String(), "demo burst") {
		t.Errorf("-no-demo ran the demo burst anyway:\n%s", second.out.String())
	}
	if got := count(); got != before {
		t.Errorf("after a restart the read model has %d patients, before it had %d", got, before)
	}
	second.interrupt(t)
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
