package contracts

// Kafka header names of the envelope: CloudEvents 1.0 Kafka protocol binding,
// binary content mode, plus our extension attributes.
const (
	HeaderSpecVersion = "ce_specversion"
	HeaderID          = "ce_id"
	HeaderSource      = "ce_source"
	HeaderType        = "ce_type"
	HeaderTime        = "ce_time"
	// HeaderSubject holds the patient id; it is also the Kafka message key.
	HeaderSubject     = "ce_subject"
	HeaderDataSchema  = "ce_dataschema"
	HeaderContentType = "content-type"

	HeaderEncounterID      = "ce_encounterid"
	HeaderAggregateID      = "ce_aggregateid"
	HeaderAggregateVersion = "ce_aggregateversion"
	HeaderActor            = "ce_actor"
	HeaderCorrelationID    = "ce_correlationid"
	// HeaderTraceParent is the W3C trace context header, as OpenTelemetry's
	// Kafka propagation names it.
	HeaderTraceParent = "traceparent"
)

// Dead-letter headers, added to the original headers of a rejected message.
const (
	HeaderDLQReason         = "dlq_reason"
	HeaderDLQErrorKind      = "dlq_error_kind"
	HeaderDLQTopic          = "dlq_original_topic"
	HeaderDLQPartition      = "dlq_original_partition"
	HeaderDLQOffset         = "dlq_original_offset"
	HeaderDLQConsumerGroup  = "dlq_consumer_group"
	HeaderDLQDeadLetteredAt = "dlq_dead_lettered_at"
)
