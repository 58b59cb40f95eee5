package httpx_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/outbox"
)

func TestRoutesAnswersUnmatchedRequestsWithProblems(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/things", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) })
	h := httpx.Routes(mux)

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/things", nil))
	if rec.Code != http.StatusCreated {
		t.Errorf("matched route: status %d, want 201", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/nothing", nil))
	problemOf(t, rec, http.StatusNotFound)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/v1/things", nil))
	problemOf(t, rec, http.StatusMethodNotAllowed)
	if allow := rec.Header().Get("Allow"); !strings.Contains(allow, "POST") {
		t.Errorf("Allow = %q, want POST", allow)
	}
}

func TestTracePutsTheRequestTraceInTheContext(t *testing.T) {
	t.Parallel()
	const tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
	var got outbox.Trace
	h := httpx.Trace(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = outbox.TraceFrom(r.Context()) }))

	req := httptest.NewRequest(http.MethodPost, "/", nil)
	req.Header.Set("traceparent", tp)
	req.Header.Set(httpx.HeaderCorrelationID, "corr-1")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got.TraceParent != tp || got.CorrelationID != "corr-1" || rec.Header().Get(httpx.HeaderCorrelationID) != "corr-1" {
		t.Errorf("trace = %+v, echoed %q; want the request's", got, rec.Header().Get(httpx.HeaderCorrelationID))
	}

	req = httptest.NewRequest(http.MethodPost, "/", nil)
	req.Header.Set("traceparent", "garbage")
	req.Header.Set(httpx.HeaderCorrelationID, "bad id with spaces")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if got.TraceParent != "" || got.CorrelationID == "" || got.CorrelationID == "bad id with spaces" {
		t.Errorf("trace from malformed headers = %+v, want no traceparent and a fresh correlation id", got)
	}
}

func TestRecoverTurnsAPanicIntoA500Problem(t *testing.T) {
	t.Parallel()
	h := httpx.Recover(nil, http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	problemOf(t, rec, http.StatusInternalServerError)
}

func TestHealthAndReadiness(t *testing.T) {
	t.Parallel()
	var ready error
	mux := http.NewServeMux()
	httpx.Health(mux, func(context.Context) error { return ready })
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	if rec := get("/healthz"); rec.Code != 200 {
		t.Errorf("/healthz = %d", rec.Code)
	}
	if rec := get("/readyz"); rec.Code != 200 {
		t.Errorf("/readyz = %d while ready", rec.Code)
	}
	ready = errors.New("database unreachable")
	problemOf(t, get("/readyz"), http.StatusServiceUnavailable)
}
