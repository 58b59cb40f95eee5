package contracts

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Event is one domain event: the CloudEvents envelope and its payload.
type Event struct {
	// ID is a UUIDv7, unique per event; a redelivery keeps it.
	ID string
	// Source is the service that emitted the event.
	Source Source
	// Type and Version select the payload's Go type and JSON Schema.
	Type    EventType
	Version int
	// OccurredAt is when the act happened (clinical time); it is ce_time.
	OccurredAt time.Time
	// RecordedAt is when the source service committed the change.
	RecordedAt time.Time
	// PatientID is ce_subject and the Kafka message key.
	PatientID   string
	EncounterID string
	// AggregateID identifies the source record (encounter, prescription, lab
	// order, imaging study); AggregateVersion grows by one with every change
	// of that record, starting at 1.
	AggregateID      string
	AggregateVersion int64
	Actor            Actor
	CorrelationID    string
	// TraceParent is the W3C trace context of the command that caused the event.
	TraceParent string
	// Payload is the full state of the record after the change.
	Payload Payload
}

// Meta is what a producer knows about an event beyond its payload.
type Meta struct {
	OccurredAt       time.Time
	RecordedAt       time.Time
	AggregateVersion int64
	Actor            Actor
	CorrelationID    string
	TraceParent      string
}

// NewEvent builds an event of the payload's type at its current version, with
// a fresh UUIDv7, taking the patient, encounter and aggregate ids from the
// payload. Times are stored in UTC.
func NewEvent(p Payload, m Meta) (Event, error) {
	t := p.EventType()
	version, ok := CurrentVersion(t)
	if !ok {
		return Event{}, &UnknownTypeError{Type: string(t)}
	}
	source, _ := SourceOf(t)
	id, err := uuid.NewV7()
	if err != nil {
		return Event{}, fmt.Errorf("new event id: %w", err)
	}
	k := p.keys()
	return Event{
		ID:               id.String(),
		Source:           source,
		Type:             t,
		Version:          version,
		OccurredAt:       m.OccurredAt.UTC(),
		RecordedAt:       m.RecordedAt.UTC(),
		PatientID:        k.patientID,
		EncounterID:      k.encounterID,
		AggregateID:      k.aggregateID,
		AggregateVersion: m.AggregateVersion,
		Actor:            m.Actor,
		CorrelationID:    m.CorrelationID,
		TraceParent:      m.TraceParent,
		Payload:          p,
	}, nil
}

// Schema is the registered type and version of the event.
func (e Event) Schema() SchemaVersion {
	return SchemaVersion{Type: e.Type, Version: e.Version, Source: e.Source}
}

// Topic is the Kafka topic the event belongs on.
func (e Event) Topic() string { return e.Source.Topic() }
