package tracing

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Environment variables read by Setup (the OpenTelemetry SDK's own names;
// the exporter and SDK also honour the other OTEL_* variables, such as
// OTEL_EXPORTER_OTLP_HEADERS and OTEL_TRACES_SAMPLER).
const (
	// EnvEndpoint is the collector's base URL; spans go to <base>/v1/traces.
	EnvEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT"
	// EnvTracesEndpoint is the full URL spans are posted to; it wins over EnvEndpoint.
	EnvTracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
	// EnvServiceName overrides the service name given to Setup.
	EnvServiceName = "OTEL_SERVICE_NAME"
	// EnvDisabled, when "true", turns tracing off even with an endpoint.
	EnvDisabled = "OTEL_SDK_DISABLED"
)

// Shutdown flushes the spans not exported yet and stops exporting.
type Shutdown func(ctx context.Context) error

// Setup configures the process's tracing from getenv (os.Getenv in
// production) and returns the function to call before the process exits.
// It always installs the W3C trace context (and baggage) propagator
// globally. With an OTLP endpoint set (and OTEL_SDK_DISABLED not "true") it
// also installs, as the global tracer provider, an SDK provider exporting
// batches over OTLP/HTTP, with service.name = serviceName unless
// OTEL_SERVICE_NAME says otherwise; without one, the global provider stays
// a no-op and the returned Shutdown does nothing. A malformed endpoint is
// an error.
//
// The global provider is OpenTelemetry's registry, the one place libraries
// look; Prontuario's own hooks take a provider explicitly and fall back to
// it ([Tracer]).
func Setup(ctx context.Context, serviceName string, getenv func(string) string) (Shutdown, error) {
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	endpoint, err := endpointURL(getenv)
	if err != nil {
		return nil, err
	}
	if endpoint == "" || strings.EqualFold(strings.TrimSpace(getenv(EnvDisabled)), "true") {
		return func(context.Context) error { return nil }, nil
	}
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(endpoint))
	if err != nil {
		return nil, fmt.Errorf("tracing: OTLP exporter for %s: %w", endpoint, err)
	}
	if name := strings.TrimSpace(getenv(EnvServiceName)); name != "" {
		serviceName = name
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(attribute.String("service.name", serviceName)))
	if err != nil {
		return nil, fmt.Errorf("tracing: resource: %w", err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
	otel.SetTracerProvider(tp)
	return tp.Shutdown, nil
}

// endpointURL returns where spans are posted, "" when no endpoint is set.
func endpointURL(getenv func(string) string) (string, error) {
	name, raw := EnvTracesEndpoint, strings.TrimSpace(getenv(EnvTracesEndpoint))
	if raw == "" {
		name, raw = EnvEndpoint, strings.TrimSpace(getenv(EnvEndpoint))
		if raw == "" {
			return "", nil
		}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("tracing: %s %q is not an http(s)://host[:port] URL", name, raw)
	}
	if name == EnvEndpoint {
		u.Path = strings.TrimSuffix(u.Path, "/") + "/v1/traces"
	}
	return u.String(), nil
}

// closeTimeout bounds the final flush of [Shutdown.Close].
const closeTimeout = 5 * time.Second

// Close runs s with a deadline of its own (the process's context is usually
// done by the time it runs), logging a failure: for a deferred call in a
// process's run function.
func (s Shutdown) Close(logger *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	if err := s(ctx); err != nil && logger != nil {
		logger.Warn("could not flush the last spans", "err", err)
	}
}
