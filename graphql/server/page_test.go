package server_test

import (
	"net/http"
	"net/url"
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
	for _, want := range []string{`id="graphiql"`, "GraphiQL.createFetcher", "X-Prontuario-Await-Event", `src="?asset=graphiql.min.js"`} {
		if !strings.Contains(r.raw, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, external := range []string{"http://", "https://", "//cdn", "unpkg", "jsdelivr"} {
		if strings.Contains(r.raw, external) {
			t.Errorf("page refers to %q: it must work offline", external)
		}
	}
	csp := r.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self' 'sha256-") || !strings.Contains(csp, "connect-src 'self'") {
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

func TestTheQueryPageAssetsAreEmbedded(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	for _, c := range []struct{ name, contentType, contains string }{
		{"graphiql.min.js", "text/javascript", "createFetcher"},
		{"graphiql.min.css", "text/css", ".graphiql-container"},
		{"react.production.min.js", "text/javascript", "react.production.min.js"},
		{"react-dom.production.min.js", "text/javascript", "react-dom.production.min.js"},
	} {
		r := h.do(mustRequest(t, h.url+"?asset="+c.name))
		if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), c.contentType) || !strings.Contains(r.raw, c.contains) {
			t.Errorf("%s: status %d Content-Type %q, want 200 %s with %q", c.name, r.status, r.header.Get("Content-Type"), c.contentType, c.contains)
		}
		// The assets are public, unlike the API: no token needed, nothing read.
		if n := h.store.TotalCalls(); n != 0 {
			t.Errorf("%s: %d store calls", c.name, n)
		}
	}
	for _, name := range []string{"../page.go", "LICENSES.txt/../../page.go", "missing.js", ".hidden"} {
		if r := h.do(mustRequest(t, h.url+"?asset="+url.QueryEscape(name))); r.status != http.StatusNotFound {
			t.Errorf("asset %q: status %d, want 404", name, r.status)
		}
	}
}

func mustRequest(t *testing.T, target string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
