package httpx_test

import (
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/prontuario/prontuario/internal/httpx"
)

// problemOf checks that rec holds a problem+json answer with status and
// returns it.
func problemOf(t *testing.T, rec *httptest.ResponseRecorder, status int) httpx.Problem {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status = %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != httpx.ContentTypeProblem {
		t.Errorf("Content-Type = %q, want %q", ct, httpx.ContentTypeProblem)
	}
	var p httpx.Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatalf("body is not a problem: %v: %s", err, rec.Body)
	}
	if p.Status != status || p.Type == "" || p.Title == "" {
		t.Errorf("problem = %+v, want status %d with a type and title", p, status)
	}
	return p
}
