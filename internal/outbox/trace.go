package outbox

import "context"

// Trace is the correlation id and W3C trace context of the request that
// caused an event. The edge (an HTTP middleware) puts it in the context;
// [Append] copies it into the events it stores, and so into their Kafka
// headers, without the layers in between having to pass it along.
type Trace struct {
	// CorrelationID ties together everything one request caused.
	CorrelationID string
	// TraceParent is the W3C traceparent header of the request.
	TraceParent string
}

type traceKey struct{}

// WithTrace returns a context that carries t.
func WithTrace(ctx context.Context, t Trace) context.Context {
	return context.WithValue(ctx, traceKey{}, t)
}

// TraceFrom returns the trace ctx carries, or the zero Trace.
func TraceFrom(ctx context.Context) Trace {
	t, _ := ctx.Value(traceKey{}).(Trace)
	return t
}
