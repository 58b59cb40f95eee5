package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
)

// gqlError is one error of a response.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string { c, _ := e.Extensions["code"].(string); return c }

// result is a decoded response.
type result struct {
	status     int
	header     http.Header
	raw        string
	Data       map[string]any `json:"data"`
	Errors     []gqlError     `json:"errors"`
	Extensions map[string]any `json:"extensions"`
}

// codes returns the extensions.code of every error.
func (r result) codes() []string {
	var out []string
	for _, e := range r.Errors {
		out = append(out, e.code())
	}
	return out
}

// errorAt returns the error at path ("a.b.0.c"), if any.
func (r result) errorAt(path string) (gqlError, bool) {
	for _, e := range r.Errors {
		parts := make([]string, len(e.Path))
		for i, p := range e.Path {
			parts[i] = fmt.Sprint(p)
		}
		if strings.Join(parts, ".") == path {
			return e, true
		}
	}
	return gqlError{}, false
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// request options.
type reqOpt func(*http.Request)

func withHeader(k, v string) reqOpt { return func(r *http.Request) { r.Header.Set(k, v) } }

// query POSTs q with vars as role.
func (h *harness) query(role auth.Role, q string, vars map[string]any, opts ...reqOpt) result {
	h.t.Helper()
	body, err := json.Marshal(map[string]any{"query": q, "variables": vars})
	if err != nil {
		h.t.Fatal(err)
	}
	return h.post(tokenOf[role], "application/json", string(body), opts...)
}

// post sends a raw body with token (none when empty).
func (h *harness) post(token, contentType, body string, opts ...reqOpt) result {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.url, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for _, o := range opts {
		o(req)
	}
	return h.do(req)
}

func (h *harness) do(req *http.Request) result {
	h.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	r := result{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	if strings.Contains(resp.Header.Get("Content-Type"), "json") {
		if err := json.Unmarshal(raw, &r); err != nil {
			h.t.Fatalf("response is not JSON: %v\n%s", err, raw)
		}
	}
	return r
}

// ok fails the test unless r succeeded without errors.
func (r result) ok(t *testing.T) result {
	t.Helper()
	if r.status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("status %d, errors %v\n%s", r.status, r.Errors, r.raw)
	}
	return r
}

// at walks decoded JSON by keys and list indexes.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// list returns the list at path, or fails.
func list(t testing.TB, v any, path ...any) []any {
	t.Helper()
	l, ok := at(v, path...).([]any)
	if !ok {
		t.Fatalf("no list at %v in %s", path, jsonString(v))
	}
	return l
}

// logBuffer collects the handler's logs; requests log concurrently.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
