package httpx

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/internal/tracing"
)

// Instrument measures and traces every request next serves. Metrics (m,
// nil for none) are labelled by the route pattern that matched: the one
// [Routes] recorded, else the pattern an outer ServeMux set on the request,
// else [RouteUnmatched]. The trace is a server span from tp (nil: the
// global provider, see internal/tracing), child of the request's W3C
// traceparent if any; [Trace] inside it hands the span's traceparent to the
// outbox, so the events a command causes continue its trace. Spans carry
// the method, route and status, never the raw path.
func Instrument(next http.Handler, m *Metrics, tp trace.TracerProvider) http.Handler {
	tracer := tracing.Tracer(tp)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		method := methodLabel(r.Method)
		ctx := tracing.WithRemoteParent(r.Context(), r.Header.Get(tracing.HeaderTraceParent))
		ctx, span := tracer.Start(ctx, "HTTP "+method, trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attribute.String("http.request.method", method)))
		ctx, slot := withRouteSlot(ctx)
		sw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(ctx)
		defer func() {
			// A panic reaching here (http.ErrAbortHandler: Recover answers
			// the others) is recorded as a 500 unless a status was written,
			// then goes on to the server.
			p := recover()
			status := sw.status
			switch {
			case status == 0 && p != nil:
				status = http.StatusInternalServerError
			case status == 0:
				status = http.StatusOK
			}
			pattern := slot.pattern
			if pattern == "" {
				pattern = r.Pattern
			}
			route := routeLabel(pattern)
			m.observe(route, method, status, time.Since(start).Seconds())
			span.SetName(method + " " + route)
			span.SetAttributes(attribute.String("http.route", route), attribute.Int("http.response.status_code", status))
			if status >= 500 {
				span.SetStatus(codes.Error, http.StatusText(status))
			}
			span.End()
			if p != nil {
				panic(p)
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// Observe is a service's whole HTTP handler: GET /metrics from reg, and
// every other request through api; both instrumented ([Instrument], with
// their metrics registered in reg, traced with tp, nil for the global
// provider).
func Observe(api http.Handler, reg *prometheus.Registry, tp trace.TracerProvider) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.Handle("/", api)
	return Instrument(mux, NewMetrics(reg), tp)
}

// statusWriter remembers the status code written through it.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 && code >= 200 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer (Flush,
// deadlines).
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
