// Package tracing sets up OpenTelemetry tracing for a Prontuario process and
// carries W3C trace context across the places a request's work travels:
// HTTP headers, outbox rows, Kafka headers.
//
// Tracing is off unless OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) names an OTLP/HTTP collector: [Setup]
// then installs a batching OTLP/HTTP exporter as the global tracer provider.
// Either way it installs the W3C trace context propagator, and traceparent
// headers are passed along unchanged when tracing is off, so a collector
// added later sees whole traces from the processes that do export.
//
// One command's trace: the HTTP server span of the command (internal/httpx)
// -> its traceparent, saved in the outbox row with the event
// (internal/outbox.Append) -> the relay's publish span, whose traceparent
// goes in the Kafka headers -> the aggregator's apply span and its store
// commit span (aggregator/pipeline).
//
// Spans carry identifiers (event ids, routes, topics), never patient names
// or clinical values.
package tracing
