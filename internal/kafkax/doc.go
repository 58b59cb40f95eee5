// Package kafkax wires Prontuario to Kafka through watermill-kafka: one
// place that builds the sarama configuration (with TLS and SASL when asked),
// the publishers and the consumer-group subscribers.
//
// Every message is keyed by its patient id (the [contracts.HeaderSubject]
// metadata), so all events of a patient land on one partition, in order.
// Keys are hashed with sarama's FNV-1a partitioner; a producer using another
// client library (kgo, the Java client: murmur2) would send the same patient
// to a different partition, so every producer of a topic must go through
// this package.
//
// Delivery is at least once: the subscriber commits the offsets of acked
// messages every second and when it closes, so after a crash up to a second
// of acked messages is delivered again. Handlers must be idempotent.
package kafkax
