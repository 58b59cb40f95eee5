package tracing

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// HeaderTraceParent is the W3C trace context header.
const HeaderTraceParent = "traceparent"

// instrumentation names Prontuario's tracers.
const instrumentation = "github.com/prontuario/prontuario"

// w3c is the propagation format everywhere: HTTP, outbox rows, Kafka
// headers. It is used directly rather than through the global propagator,
// so trace context travels the same way whether or not Setup ran.
var w3c propagation.TraceContext

// Tracer returns Prontuario's tracer from tp, or from the global provider
// (see [Setup]) when tp is nil.
func Tracer(tp trace.TracerProvider) trace.Tracer {
	if tp == nil {
		tp = otel.GetTracerProvider()
	}
	return tp.Tracer(instrumentation)
}

// TraceParent returns the W3C traceparent of the span ctx carries, "" when
// it carries no valid span context.
func TraceParent(ctx context.Context) string {
	c := propagation.MapCarrier{}
	w3c.Inject(ctx, c)
	return c[HeaderTraceParent]
}

// WithRemoteParent returns ctx carrying the span context that traceparent
// describes as its remote parent, so spans started from it continue that
// trace. A missing or malformed traceparent leaves ctx as it is.
func WithRemoteParent(ctx context.Context, traceparent string) context.Context {
	if traceparent == "" {
		return ctx
	}
	return w3c.Extract(ctx, propagation.MapCarrier{HeaderTraceParent: traceparent})
}
