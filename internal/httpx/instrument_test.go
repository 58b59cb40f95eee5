package httpx_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/obs"
	"github.com/prontuario/prontuario/internal/obs/obstest"
	"github.com/prontuario/prontuario/internal/outbox"
)

const triageRoute = `route="/v1/encounters/{id}/triage"`

// observedAPI is a small service API served as a service serves it
// (Observe around Recover, Trace and Routes); the command handler records
// the trace the outbox would get.
func observedAPI(t *testing.T, tp trace.TracerProvider) (url string, traces <-chan outbox.Trace) {
	t.Helper()
	got := make(chan outbox.Trace, 10)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/encounters/{id}/triage", func(w http.ResponseWriter, r *http.Request) {
		got <- outbox.TraceFrom(r.Context())
		w.WriteHeader(http.StatusCreated)
	})
	mux.HandleFunc("GET /v1/boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	api := httpx.Recover(nil, httpx.Trace(httpx.Routes(mux)))
	srv := httptest.NewServer(httpx.Observe(api, obs.NewRegistry(), tp))
	t.Cleanup(srv.Close)
	return srv.URL, got
}

func do(t *testing.T, method, url string, header map[string]string) int {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func scrape(t *testing.T, url string) obstest.Series { return obstest.Scrape(t, url+"/metrics") }

func TestInstrumentCountsAndTimesRequestsByRoutePatternMethodAndCode(t *testing.T) {
	t.Parallel()
	url, _ := observedAPI(t, nil)
	created := `prontuario_http_requests_total{code="201",method="POST",` + triageRoute + `}`
	if v, ok := scrape(t, url)[created]; ok {
		t.Fatalf("%s = %v before any request", created, v)
	}
	for _, id := range []string{"E-1001", "E-1002"} {
		if code := do(t, http.MethodPost, url+"/v1/encounters/"+id+"/triage", nil); code != http.StatusCreated {
			t.Fatalf("POST = %d", code)
		}
	}
	do(t, http.MethodGet, url+"/v1/patients/P-1001/nothing", nil)
	do(t, "BREW", url+"/v1/encounters/E-1/triage", nil)
	do(t, http.MethodGet, url+"/v1/boom", nil)

	m := scrape(t, url)
	for series, want := range map[string]float64{
		created: 2,
		`prontuario_http_request_duration_seconds_count{code="201",method="POST",` + triageRoute + `}`: 2,
		`prontuario_http_requests_total{code="404",method="GET",route="unmatched"}`:                    1,
		`prontuario_http_requests_total{code="405",method="OTHER",route="unmatched"}`:                  1,
		`prontuario_http_requests_total{code="500",method="GET",route="/v1/boom"}`:                     1,
	} {
		if got := m[series]; got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	if sum := m[`prontuario_http_request_duration_seconds_sum{code="201",method="POST",`+triageRoute+`}`]; sum <= 0 {
		t.Errorf("duration sum = %v, want > 0", sum)
	}
	for series := range m {
		if strings.Contains(series, "E-100") || strings.Contains(series, "P-1001") {
			t.Errorf("series %s carries a raw path", series)
		}
	}
	// The first scrape is counted too, under its own route.
	if got := m[`prontuario_http_requests_total{code="200",method="GET",route="/metrics"}`]; got != 1 {
		t.Errorf("/metrics requests = %v, want the 1 earlier scrape", got)
	}
}

const remoteParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

func TestACommandsServerSpanContinuesTheCallersTraceAndReachesTheOutbox(t *testing.T) {
	t.Parallel()
	rec := tracetest.NewSpanRecorder()
	url, traces := observedAPI(t, sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)))
	do(t, http.MethodPost, url+"/v1/encounters/E-1/triage", map[string]string{"traceparent": remoteParent})
	outboxTrace := <-traces

	var server sdktrace.ReadOnlySpan
	for _, s := range rec.Ended() {
		if s.SpanKind() == trace.SpanKindServer && s.Name() == "POST /v1/encounters/{id}/triage" {
			server = s
		}
	}
	if server == nil {
		t.Fatalf("no server span named after the route among %d spans", len(rec.Ended()))
	}
	sc := server.SpanContext()
	if sc.TraceID().String() != "4bf92f3577b34da6a3ce929d0e0e4736" || server.Parent().SpanID().String() != "00f067aa0ba902b7" {
		t.Errorf("server span in trace %s under %s, want the caller's trace and span", sc.TraceID(), server.Parent().SpanID())
	}
	if want := "00-" + sc.TraceID().String() + "-" + sc.SpanID().String() + "-01"; outboxTrace.TraceParent != want {
		t.Errorf("outbox traceparent %q, want the server span's %q", outboxTrace.TraceParent, want)
	}
	for _, kv := range server.Attributes() {
		if strings.Contains(kv.Value.Emit(), "E-1") {
			t.Errorf("span attribute %s = %s carries the raw path", kv.Key, kv.Value.Emit())
		}
	}
}

func TestWithoutTracingTheCallersTraceParentPassesThroughUnchanged(t *testing.T) {
	t.Parallel()
	url, traces := observedAPI(t, nil) // the global provider: a no-op without tracing.Setup
	do(t, http.MethodPost, url+"/v1/encounters/E-1/triage", map[string]string{"traceparent": remoteParent})
	if got := (<-traces).TraceParent; got != remoteParent {
		t.Errorf("outbox traceparent %q, want the caller's %q", got, remoteParent)
	}
	do(t, http.MethodPost, url+"/v1/encounters/E-1/triage", nil)
	if got := (<-traces).TraceParent; got != "" {
		t.Errorf("outbox traceparent %q without tracing or a caller's, want none", got)
	}
}

func TestInstrumentFallsBackToTheOuterMuxPattern(t *testing.T) {
	t.Parallel()
	reg := obs.NewRegistry()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /graphql", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	h := httpx.Instrument(mux, httpx.NewMetrics(reg), nil)
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(context.Background(), http.MethodGet, "/graphql?query=x", nil))
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range families {
		if f.GetName() != "prontuario_http_requests_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			found = labels["route"] == "/graphql" && labels["code"] == "418" && m.GetCounter().GetValue() == 1
		}
	}
	if !found {
		t.Error("no prontuario_http_requests_total{route=\"/graphql\",code=\"418\"} 1")
	}
}
