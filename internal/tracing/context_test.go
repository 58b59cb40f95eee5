package tracing_test

import (
	"context"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/prontuario/prontuario/internal/tracing"
)

const parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

func TestATraceParentSurvivesTheRoundTripThroughAContext(t *testing.T) {
	t.Parallel()
	ctx := tracing.WithRemoteParent(context.Background(), parent)
	if got := tracing.TraceParent(ctx); got != parent {
		t.Errorf("TraceParent = %q, want %q", got, parent)
	}
}

func TestAMalformedTraceParentIsIgnored(t *testing.T) {
	t.Parallel()
	for _, tp := range []string{"", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7"} {
		if got := tracing.TraceParent(tracing.WithRemoteParent(context.Background(), tp)); got != "" {
			t.Errorf("traceparent %q gave %q, want none", tp, got)
		}
	}
}

func TestASpanStartedUnderARemoteParentContinuesItsTrace(t *testing.T) {
	t.Parallel()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	ctx, span := tracing.Tracer(tp).Start(tracing.WithRemoteParent(context.Background(), parent), "child")
	got := tracing.TraceParent(ctx)
	span.End()
	ended := rec.Ended()
	if len(ended) != 1 {
		t.Fatalf("%d spans ended, want 1", len(ended))
	}
	s := ended[0]
	if s.SpanContext().TraceID().String() != "4bf92f3577b34da6a3ce929d0e0e4736" || s.Parent().SpanID().String() != "00f067aa0ba902b7" {
		t.Errorf("span trace %s parent %s, want the remote parent's trace and span", s.SpanContext().TraceID(), s.Parent().SpanID())
	}
	if want := "00-4bf92f3577b34da6a3ce929d0e0e4736-" + s.SpanContext().SpanID().String() + "-01"; got != want {
		t.Errorf("TraceParent under the child = %q, want %q", got, want)
	}
}

func TestTracerFallsBackToTheGlobalProvider(t *testing.T) {
	t.Parallel()
	_, span := tracing.Tracer(nil).Start(tracing.WithRemoteParent(context.Background(), parent), "x")
	defer span.End()
	// Without Setup the global provider is a no-op that keeps the parent's
	// context, so a traceparent passes through untouched.
	if got := span.SpanContext().TraceID().String(); got != "4bf92f3577b34da6a3ce929d0e0e4736" {
		t.Errorf("trace id %s, want the parent's", got)
	}
}
