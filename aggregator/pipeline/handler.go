package pipeline

import (
	"fmt"
	"strconv"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// handler turns one topic's messages into deliveries for the applier.
type handler struct {
	topic    string
	group    string
	dlqTopic string
	// recordOnly skips publishing dead letters (see Config.RecordDeadLettersOnly).
	recordOnly bool
	applier    *Applier
	publisher  message.Publisher
	metrics    *Metrics
	now        func() time.Time
	tracer     trace.Tracer
}

// handle returns nil only once the message is durably applied or durably
// dead-lettered; any error makes the router retry it. Each attempt is a
// span continuing the trace of the event's traceparent header.
func (h *handler) handle(msg *message.Message) (err error) {
	pos, ok := kafkax.PositionOf(msg)
	if !ok {
		return fmt.Errorf("message %s has no Kafka position", msg.UUID)
	}
	ctx, span := h.startSpan(msg, pos)
	defer func() { endSpan(span, err) }()
	headers := make(map[string]string, len(msg.Metadata))
	for k, v := range msg.Metadata {
		headers[k] = v
	}
	e, err := contracts.Decode(headers, msg.Payload)
	if err != nil {
		kind := contracts.ErrorKind(err)
		if kind == "" {
			kind = contracts.KindMalformed
		}
		span.AddEvent("dead-lettered", trace.WithAttributes(attribute.String("error.kind", kind)))
		return h.deadLetter(msg, pos, kind, err.Error())
	}
	err = h.applier.Apply(ctx, history.Delivery{
		Event: e, Topic: h.topic, Partition: pos.Partition, Offset: pos.Offset, ReceivedAt: h.now(),
	})
	if p, ok := asPoison(err); ok {
		span.AddEvent("dead-lettered", trace.WithAttributes(attribute.String("error.kind", p.Kind)))
		return h.deadLetter(msg, pos, p.Kind, p.Err.Error())
	}
	return err
}

// deadLetter publishes the original message, unchanged, with dlq_* headers
// added, then records it in the read store (for pipelineStatus counts).
func (h *handler) deadLetter(msg *message.Message, pos kafkax.Position, kind, reason string) error {
	now := h.now().UTC()
	out := message.NewMessage(watermill.NewUUID(), msg.Payload)
	for k, v := range msg.Metadata {
		out.Metadata.Set(k, v)
	}
	out.Metadata.Set(contracts.HeaderDLQReason, reason)
	out.Metadata.Set(contracts.HeaderDLQErrorKind, kind)
	out.Metadata.Set(contracts.HeaderDLQTopic, h.topic)
	out.Metadata.Set(contracts.HeaderDLQPartition, strconv.Itoa(int(pos.Partition)))
	out.Metadata.Set(contracts.HeaderDLQOffset, strconv.FormatInt(pos.Offset, 10))
	out.Metadata.Set(contracts.HeaderDLQConsumerGroup, h.group)
	out.Metadata.Set(contracts.HeaderDLQDeadLetteredAt, now.Format(time.RFC3339Nano))
	// A rebuild records only: the message was published when first consumed.
	if !h.recordOnly {
		if err := h.publisher.Publish(h.dlqTopic, out); err != nil {
			return fmt.Errorf("dead-letter %s/%d/%d: %w", h.topic, pos.Partition, pos.Offset, err)
		}
	}
	dl := history.DeadLetter{
		ID:     fmt.Sprintf("%s/%d/%d", h.topic, pos.Partition, pos.Offset),
		Source: sourceOf(msg.Metadata.Get(contracts.HeaderSource), h.topic), Topic: h.topic, Partition: pos.Partition, Offset: pos.Offset,
		Kind: kind, Reason: reason, At: now,
	}
	if err := h.applier.RecordDeadLetter(msg.Context(), dl); err != nil {
		return fmt.Errorf("record dead letter %s: %w", dl.ID, err)
	}
	h.metrics.observeDeadLetter(h.topic, kind)
	return nil
}

// sourceOf names the service a dead letter came from: the one its ce_source
// header claims, when that is a known service, else the one owning its topic,
// else "".
func sourceOf(header, topic string) contracts.Source {
	for _, s := range []contracts.Source{contracts.SourceTriage, contracts.SourcePrescription, contracts.SourceLab, contracts.SourceImaging} {
		if string(s) == header {
			return s
		}
	}
	for _, s := range []contracts.Source{contracts.SourceTriage, contracts.SourcePrescription, contracts.SourceLab, contracts.SourceImaging} {
		if s.Topic() == topic {
			return s
		}
	}
	return ""
}
