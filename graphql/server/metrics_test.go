package server_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/server"
	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/obs"
	"github.com/prontuario/prontuario/internal/obs/obstest"
)

// observedHarness is the API over the seeded fake store with its metrics
// in a registry served on metricsURL, traced by tp behind the HTTP
// middleware every process uses.
func observedHarness(t *testing.T, tp trace.TracerProvider) (h *harness, metricsURL string) {
	t.Helper()
	store, ds, err := fakestore.Seeded()
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := auth.ParseTokens(auditorToken + "=auditor:alice," + billingToken + "=billing:bob," + clinicianToken + "=clinician:carol")
	if err != nil {
		t.Fatal(err)
	}
	reg := obs.NewRegistry()
	api, err := server.New(server.Config{}, server.Deps{
		Reader: store, AccessLog: store, Tokens: tokens, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
		Now: func() time.Time { return now }, Metrics: server.NewMetrics(reg), Tracing: tp,
	})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	srv := httptest.NewServer(httpx.Instrument(mux, nil, tp))
	t.Cleanup(srv.Close)
	return &harness{t: t, store: store, deliveries: ds, url: srv.URL + "/graphql", logs: &logBuffer{}}, obstest.Serve(t, reg)
}

func latencyCount(field string) string {
	return `prontuario_graphql_request_duration_seconds_count{field="` + field + `"}`
}

func errorCount(code string) string { return `prontuario_graphql_errors_total{code="` + code + `"}` }

func TestGraphQLLatencyIsMeasuredPerRootFieldAndErrorsPerCode(t *testing.T) {
	t.Parallel()
	h, metrics := observedHarness(t, nil)
	if m := obstest.Scrape(t, metrics); m[latencyCount("pipelineStatus")] != 0 || m[errorCount("UNAUTHENTICATED")] != 0 {
		t.Fatalf("counts before any request: %v", m)
	}
	h.query(auth.Clinician, `{ pipelineStatus { checkedAt } }`, nil).ok(t)
	// Aliases and fragments count under the field's own name, once per request.
	h.query(auth.Clinician, `query Q { p: patient(id: "P-1001") { id } again: patient(id: "P-1001") { id } ...S }
		fragment S on Query { pipelineStatus { checkedAt } }`, map[string]any{}).ok(t)
	h.post("", "application/json", `{"query":"{ pipelineStatus { checkedAt } }"}`)
	h.query(auth.Clinician, `{ patient(id: "P-1001") { ssn } }`, nil)
	h.query(auth.Clinician, `{ auditTrail(patientId: "P-1001") { totalCount } }`, nil)

	m := obstest.Scrape(t, metrics)
	for series, want := range map[string]float64{
		latencyCount("pipelineStatus"):                     2,
		latencyCount("patient"):                            1, // the request with ssn never ran
		latencyCount("auditTrail"):                         1,
		errorCount("UNAUTHENTICATED"):                      1,
		errorCount("BAD_USER_INPUT"):                       1,
		errorCount("FORBIDDEN"):                            1,
		`prontuario_graphql_errors_total{code="INTERNAL"}`: 0,
	} {
		if got := m[series]; got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	if sum := m[`prontuario_graphql_request_duration_seconds_sum{field="patient"}`]; sum <= 0 {
		t.Errorf("patient latency sum = %v, want > 0", sum)
	}
}

func TestAGraphQLRequestIsTracedUnderItsHTTPSpan(t *testing.T) {
	t.Parallel()
	rec := tracetest.NewSpanRecorder()
	h, _ := observedHarness(t, sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)))
	const parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
	h.query(auth.Clinician, `{ patient(id: "P-1001") { id } }`, nil, withHeader("traceparent", parent)).ok(t)

	var server, execution sdktrace.ReadOnlySpan
	for _, s := range rec.Ended() {
		switch s.Name() {
		case "POST /graphql":
			server = s
		case "graphql":
			execution = s
		}
	}
	if server == nil || execution == nil {
		t.Fatalf("spans %d, want the HTTP server span and the graphql span", len(rec.Ended()))
	}
	if execution.Parent().SpanID() != server.SpanContext().SpanID() || execution.SpanContext().TraceID().String() != "4bf92f3577b34da6a3ce929d0e0e4736" {
		t.Errorf("graphql span under %s in trace %s, want under the server span in the caller's trace", execution.Parent().SpanID(), execution.SpanContext().TraceID())
	}
	var fields []string
	for _, kv := range execution.Attributes() {
		if kv.Key == "graphql.root_fields" {
			fields = kv.Value.AsStringSlice()
		}
		if strings.Contains(kv.Value.Emit(), "P-1001") {
			t.Errorf("span attribute %s carries an argument: %s", kv.Key, kv.Value.Emit())
		}
	}
	if !slices.Equal(fields, []string{"patient"}) {
		t.Errorf("graphql.root_fields = %v, want [patient]", fields)
	}
}
