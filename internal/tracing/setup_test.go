package tracing

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"go.opentelemetry.io/otel"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// collector is a fake OTLP/HTTP collector recording what it receives.
type collector struct {
	mu     sync.Mutex
	paths  []string
	bodies [][]byte
}

func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	c.mu.Lock()
	c.paths = append(c.paths, r.URL.Path)
	c.bodies = append(c.bodies, b)
	c.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-protobuf")
}

// TestSetup runs its cases in order, not in parallel: Setup changes the
// process's global tracer provider.
func TestSetup(t *testing.T) {
	t.Run("without_an_endpoint_spans_are_not_recorded", func(t *testing.T) {
		shutdown, err := Setup(t.Context(), "triage", env(nil))
		if err != nil {
			t.Fatalf("Setup: %v", err)
		}
		_, span := otel.Tracer("test").Start(context.Background(), "op")
		if span.IsRecording() || span.SpanContext().IsValid() {
			t.Errorf("a span was recorded with tracing off")
		}
		span.End()
		if err := shutdown(t.Context()); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	t.Run("a_malformed_endpoint_is_refused_with_its_variable_named", func(t *testing.T) {
		for _, raw := range []string{"collector:4318", "ftp://collector", "http://"} {
			_, err := Setup(t.Context(), "triage", env(map[string]string{EnvEndpoint: raw}))
			if err == nil || !strings.Contains(err.Error(), EnvEndpoint) {
				t.Errorf("Setup with endpoint %q = %v, want an error naming %s", raw, err, EnvEndpoint)
			}
		}
	})
	t.Run("disabled_wins_over_an_endpoint", func(t *testing.T) {
		c := &collector{}
		srv := httptest.NewServer(c)
		defer srv.Close()
		shutdown, err := Setup(t.Context(), "triage", env(map[string]string{EnvEndpoint: srv.URL, EnvDisabled: "true"}))
		if err != nil {
			t.Fatal(err)
		}
		_, span := otel.Tracer("test").Start(context.Background(), "op")
		span.End()
		_ = shutdown(t.Context())
		if span.IsRecording() || len(c.paths) != 0 {
			t.Errorf("spans exported with %s=true: %v", EnvDisabled, c.paths)
		}
	})
	t.Run("with_an_endpoint_spans_are_exported_over_OTLP_HTTP", func(t *testing.T) {
		c := &collector{}
		srv := httptest.NewServer(c)
		defer srv.Close()
		shutdown, err := Setup(t.Context(), "triage", env(map[string]string{EnvEndpoint: srv.URL + "/", EnvServiceName: "triage-blue"}))
		if err != nil {
			t.Fatalf("Setup: %v", err)
		}
		_, span := otel.Tracer("test").Start(context.Background(), "open-encounter-span")
		if !span.IsRecording() {
			t.Error("span not recording with an endpoint set")
		}
		span.End()
		var logs bytes.Buffer
		shutdown.Close(slog.New(slog.NewTextHandler(&logs, nil))) // flushes the batch
		if logs.Len() > 0 {
			t.Errorf("Close logged %q", logs.String())
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if len(c.paths) == 0 || c.paths[0] != "/v1/traces" {
			t.Fatalf("collector got %v, want a POST to /v1/traces", c.paths)
		}
		body := bytes.Join(c.bodies, nil)
		for _, want := range []string{"open-encounter-span", "triage-blue"} {
			if !bytes.Contains(body, []byte(want)) {
				t.Errorf("exported spans do not contain %q", want)
			}
		}
	})
}

func TestEndpointURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"none_set_means_off", nil, ""},
		{"base_url_gets_the_traces_path", map[string]string{EnvEndpoint: "http://otel:4318"}, "http://otel:4318/v1/traces"},
		{"base_url_with_a_path_keeps_it", map[string]string{EnvEndpoint: "https://otel.example/otlp/"}, "https://otel.example/otlp/v1/traces"},
		{"traces_endpoint_is_used_as_is_and_wins", map[string]string{EnvEndpoint: "http://a:4318", EnvTracesEndpoint: "http://b:4318/custom"}, "http://b:4318/custom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := endpointURL(env(tc.env))
			if err != nil || got != tc.want {
				t.Errorf("endpointURL = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
