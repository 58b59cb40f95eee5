package httpx

import (
	"log/slog"
	"net/http"
	"regexp"

	"github.com/google/uuid"

	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/tracing"
)

// HeaderCorrelationID carries the correlation id of a request, in and out.
const HeaderCorrelationID = "X-Correlation-ID"

// traceParent is the W3C trace context header format, version 00.
var traceParent = regexp.MustCompile(`^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$`)

// correlationID is what a client-given correlation id may look like.
var correlationID = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,128}$`)

// Trace puts the request's correlation id (X-Correlation-ID, or a new
// UUIDv7) and W3C traceparent in the context, for outbox.Append to copy into
// the events the request causes, and echoes the correlation id in the
// response. The traceparent is the current span's when there is one (the
// server span of an [Instrument] around it), else the request's header.
// Malformed values are ignored, not refused.
func Trace(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := outbox.Trace{CorrelationID: r.Header.Get(HeaderCorrelationID), TraceParent: tracing.TraceParent(r.Context())}
		if !correlationID.MatchString(t.CorrelationID) {
			t.CorrelationID = uuid.Must(uuid.NewV7()).String()
		}
		if t.TraceParent == "" {
			t.TraceParent = r.Header.Get(tracing.HeaderTraceParent)
		}
		if !traceParent.MatchString(t.TraceParent) {
			t.TraceParent = ""
		}
		w.Header().Set(HeaderCorrelationID, t.CorrelationID)
		next.ServeHTTP(w, r.WithContext(outbox.WithTrace(r.Context(), t)))
	})
}

// Recover answers a 500 problem when next panics, logging the panic,
// instead of dropping the connection.
func Recover(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				if logger != nil {
					logger.ErrorContext(r.Context(), "handler panicked", "method", r.Method, "path", r.URL.Path, "panic", p)
				}
				WriteProblem(w, r, Internal())
			}
		}()
		next.ServeHTTP(w, r)
	})
}
