package harness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Accepted is a service's answer to an accepted command.
type Accepted struct {
	ID      string `json:"id"`
	EventID string `json:"eventId"`
	Version int    `json:"version"`
}

var httpClient = &http.Client{Timeout: 15 * time.Second}

// Command POSTs a JSON command to a service and returns the status and
// the raw answer.
func (h *Hospital) Command(t testing.TB, service, path string, body any) (int, []byte) {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, h.URL[service]+path, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s%s: %v", service, path, err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// MustCommand is Command that fails the test unless the service answers 201.
func (h *Hospital) MustCommand(t testing.TB, service, path string, body any) Accepted {
	t.Helper()
	status, raw := h.Command(t, service, path, body)
	if status != http.StatusCreated {
		t.Fatalf("POST %s%s: %d %s", service, path, status, raw)
	}
	var a Accepted
	if err := json.Unmarshal(raw, &a); err != nil || a.ID == "" || a.EventID == "" {
		t.Fatalf("POST %s%s: answer %s: %v", service, path, raw, err)
	}
	return a
}

// GraphQLError is one error of a GraphQL answer.
type GraphQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code is the error's extensions.code.
func (e GraphQLError) Code() string { s, _ := e.Extensions["code"].(string); return s }

// PathString renders the path as a.b.0.c.
func (e GraphQLError) PathString() string {
	parts := make([]string, len(e.Path))
	for i, p := range e.Path {
		parts[i] = fmt.Sprint(p)
	}
	return strings.Join(parts, ".")
}

// GraphQLAnswer is a GraphQL response.
type GraphQLAnswer struct {
	Data       json.RawMessage `json:"data"`
	Errors     []GraphQLError  `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
	Status     int             `json:"-"`
}

// Query runs a GraphQL query as role; awaitEvents, when given, asks the API
// to wait until those events are applied (read-your-writes).
func (h *Hospital) Query(t testing.TB, role, query string, vars map[string]any, awaitEvents ...string) GraphQLAnswer {
	t.Helper()
	raw, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, h.URL["graphql"]+"/graphql", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+h.Tokens[role])
	if len(awaitEvents) > 0 {
		req.Header.Set("X-Prontuario-Await-Event", strings.Join(awaitEvents, ","))
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("graphql: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var a GraphQLAnswer
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("graphql answer %d %s: %v", resp.StatusCode, body, err)
	}
	a.Status = resp.StatusCode
	return a
}

// Decode unmarshals the answer's data into v, failing on errors unless allowed.
func (a GraphQLAnswer) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(a.Data, v); err != nil {
		t.Fatalf("graphql data %s: %v", a.Data, err)
	}
}

// Eventually polls cond every 50 ms until it holds or timeout passes.
func Eventually(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
