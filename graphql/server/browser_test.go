//go:build browser

package server_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/graphql/server"
)

// chromium is where Debian's chromium package installs the browser.
const chromium = "/usr/bin/chromium"

// TestQueryPageRunsAQueryInHeadlessChromium loads the embedded GraphiQL
// page in headless Chromium with a token, a query and run=1 in the URL
// fragment; the page runs the query at once, and the answer must be in the
// DOM Chromium dumps.
// Run with: go test -tags browser ./graphql/server -run Chromium
func TestQueryPageRunsAQueryInHeadlessChromium(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s not found (apt-get install chromium): %v", chromium, err)
	}
	h := newHarness(t, server.Config{})
	fragment := url.Values{
		"token": {clinicianToken},
		"query": {`{ patient(id: "P-1001") { name encounters { totalCount } } }`},
		"run":   {"1"},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium,
		"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir="+t.TempDir(),
		// Virtual time does not advance while the page's fetch is in flight,
		// so the dump happens after the answer is rendered.
		"--virtual-time-budget=10000", "--window-size=1280,1024",
		"--dump-dom", h.url+"#"+fragment.Encode())
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			stderr = string(exit.Stderr)
		}
		t.Fatalf("chromium: %v\n%s", err, stderr)
	}
	dom := string(out)
	// GraphiQL rendered, ran the query and shows the answer in its result pane.
	for _, want := range []string{"graphiql-container", "graphiql-execute-button", "Maria Oliveira", "totalCount"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the dumped DOM lacks %q:\n%s", want, dom)
		}
	}
	log := h.store.Accesses()
	if len(log) != 1 || log[0].Subject != "carol" || log[0].PatientID != "P-1001" {
		t.Errorf("access log %+v, want the page's read by carol", log)
	}
}
