package pipeline

import (
	"context"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/tracing"
)

// startSpan starts the apply span of msg: a consumer span continuing the
// trace of its traceparent header (a new trace when it has none). Its
// attributes identify the message and the event, never their content.
func (h *handler) startSpan(msg *message.Message, pos kafkax.Position) (context.Context, trace.Span) {
	ctx := tracing.WithRemoteParent(msg.Context(), msg.Metadata.Get(contracts.HeaderTraceParent))
	return h.tracer.Start(ctx, "apply "+h.topic, trace.WithSpanKind(trace.SpanKindConsumer), trace.WithAttributes(
		attribute.String("messaging.system", "kafka"),
		attribute.String("messaging.destination.name", h.topic),
		attribute.String("messaging.consumer.group.name", h.group),
		attribute.Int("messaging.destination.partition.id", int(pos.Partition)),
		attribute.Int64("messaging.kafka.offset", pos.Offset),
		attribute.String("messaging.message.id", msg.Metadata.Get(contracts.HeaderID)),
		attribute.String("prontuario.event.type", msg.Metadata.Get(contracts.HeaderType)),
		attribute.String("prontuario.aggregate.version", msg.Metadata.Get(contracts.HeaderAggregateVersion)),
	))
}

// endSpan ends an apply span; an error means the message will be retried.
func endSpan(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "not applied; will be retried")
	}
	span.End()
}

// traceCommit adds, under the apply span of each request of a batch, a span
// for the store commit that made it durable (from began to now): one commit
// serves many messages, and each message's trace shows it.
func traceCommit(tracer trace.Tracer, reqs []request, began time.Time, err error) {
	end := time.Now()
	for _, r := range reqs {
		if !r.span.IsRecording() {
			continue
		}
		_, s := tracer.Start(trace.ContextWithSpan(context.Background(), r.span), "store commit",
			trace.WithTimestamp(began), trace.WithAttributes(attribute.Int("prontuario.batch.size", len(reqs))))
		if err != nil {
			s.RecordError(err)
			s.SetStatus(codes.Error, "commit failed")
		}
		s.End(trace.WithTimestamp(end))
	}
}
