// Package pipeline is the aggregator's I/O shell around the pure projection
// history.Apply: it consumes every domain topic through one consumer group
// (watermill-kafka), decodes each message with contracts.Decode, dead-letters
// poison, and applies the rest in micro-batches: load the documents a batch
// touches, fold its events in memory, commit one write per touched document.
//
// A Kafka offset is acknowledged only after Commit returned, that is after the
// store write containing the event is durable; a crash at any point therefore
// replays events, and replays are harmless because Apply is idempotent.
//
// Poison (undecodable, unknown type or version, schema violation, no patient
// id, or contradicting the read model) goes to the dead-letter topic with the
// reason, the original topic/partition/offset and headers, and the pipeline
// moves on. A store error is never poison: the handler fails, watermill's
// Retry middleware backs off exponentially, and the message is redelivered
// until the store accepts it; nothing is skipped.
//
// Observability: [Metrics] (applied, duplicates, dead-lettered, batch
// sizes, commit times, freshness) and [LagGauge]; each message is applied
// in a consumer span continuing the trace of its traceparent header, with a
// child span for the store commit that made it durable ([Config].Tracing).
package pipeline
