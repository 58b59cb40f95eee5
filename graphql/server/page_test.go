package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/graphql/server"
)

func TestBrowsersGetTheEmbeddedQueryPage(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	req, err := http.NewRequest(http.MethodGet, h.url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	r := h.do(req)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("status %d Content-Type %q, want 200 text/html", r.status, r.header.Get("Content-Type"))
	}
	for _, want := range []string{`id="query"`, `id="result"`, "X-Prontuario-Await-Event", "fetch(window.location.pathname"} {
		if !strings.Contains(r.raw, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, external := range []string{"http://", "https://", "//cdn", "<script src", "<link"} {
		if strings.Contains(r.raw, external) {
			t.Errorf("page refers to %q: it must work offline", external)
		}
	}
	csp := r.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'sha256-") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy %q does not lock the page to itself", csp)
	}
	if strings.Contains(r.raw, "/*SCRIPT*/") {
		t.Error("the script was not inlined")
	}
}

func TestClientsAskingForJSONDoNotGetThePage(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	req, err := http.NewRequest(http.MethodGet, h.url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "application/json")
	r := h.do(req)
	if r.status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].code() != "UNAUTHENTICATED" {
		t.Errorf("GET as JSON without a token: status %d errors %v, want 401 UNAUTHENTICATED", r.status, r.codes())
	}
}
