package contracts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// MaxBodyBytes is the largest event body Decode accepts. A full-state event
// of a realistic record is a few KiB.
const MaxBodyBytes = 512 << 10

// ContentTypeJSON is the content type of every event body.
const ContentTypeJSON = "application/json"

const (
	specVersion = "1.0"
	ceTypeRoot  = "org.prontuario"
)

// HeaderRecordedAt is the extension attribute for when the source committed the change.
const HeaderRecordedAt = "ce_recordedat"

// Message is an event as it travels on Kafka: key, headers and body.
type Message struct {
	Key     string
	Headers map[string]string
	Body    []byte
}

func ceType(s Source, t EventType, version int) string {
	domain := strings.TrimPrefix(string(s), "prontuario/")
	return fmt.Sprintf("%s.%s.%s.v%d", ceTypeRoot, domain, t, version)
}

// parseCEType splits "org.prontuario.lab.LabResultRecorded.v1" into type and version.
func parseCEType(s string) (EventType, int, error) {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return "", 0, &UnknownTypeError{Type: s}
	}
	v := parts[len(parts)-1]
	version, err := strconv.Atoi(strings.TrimPrefix(v, "v"))
	if !strings.HasPrefix(v, "v") || err != nil || version < 1 {
		return "", 0, &UnknownTypeError{Type: s}
	}
	return EventType(parts[len(parts)-2]), version, nil
}

// Encode validates an event against its schema and renders it as a Kafka
// message: key = patient id, CloudEvents binary-mode headers, JSON body.
func Encode(e Event) (Message, error) {
	if e.PatientID == "" {
		return Message{}, ErrMissingPatientID
	}
	versions, ok := registry[e.Type]
	if !ok {
		return Message{}, &UnknownTypeError{Type: string(e.Type)}
	}
	if _, ok := versions[e.Version]; !ok {
		return Message{}, &UnknownVersionError{Type: e.Type, Version: e.Version}
	}
	if e.Payload == nil || e.Payload.EventType() != e.Type {
		return Message{}, &MalformedError{Reason: "payload does not match event type " + string(e.Type)}
	}
	body, err := json.Marshal(e.Payload)
	if err != nil {
		return Message{}, &MalformedError{Reason: "marshal payload", Err: err}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return Message{}, &MalformedError{Reason: "re-read payload", Err: err}
	}
	if err := validate(e.Schema(), doc); err != nil {
		return Message{}, err
	}
	if err := checkKeys(e, e.Payload.keys()); err != nil {
		return Message{}, err
	}
	if e.ID == "" || e.AggregateVersion < 1 || e.OccurredAt.IsZero() {
		return Message{}, &MalformedError{Reason: "event needs an id, an aggregate version >= 1 and an occurrence time"}
	}
	h := map[string]string{
		HeaderSpecVersion:      specVersion,
		HeaderID:               e.ID,
		HeaderSource:           string(e.Source),
		HeaderType:             e.Schema().CEType(),
		HeaderTime:             e.OccurredAt.UTC().Format(time.RFC3339Nano),
		HeaderSubject:          e.PatientID,
		HeaderContentType:      ContentTypeJSON,
		HeaderDataSchema:       e.Schema().SchemaURL(),
		HeaderEncounterID:      e.EncounterID,
		HeaderAggregateID:      e.AggregateID,
		HeaderAggregateVersion: strconv.FormatInt(e.AggregateVersion, 10),
	}
	if !e.RecordedAt.IsZero() {
		h[HeaderRecordedAt] = e.RecordedAt.UTC().Format(time.RFC3339Nano)
	}
	setIf(h, HeaderActor, e.Actor.String())
	setIf(h, HeaderCorrelationID, e.CorrelationID)
	setIf(h, HeaderTraceParent, e.TraceParent)
	return Message{Key: e.PatientID, Headers: h, Body: body}, nil
}

func setIf(h map[string]string, k, v string) {
	if v != "" {
		h[k] = v
	}
}

// checkKeys rejects an envelope whose ids contradict its body.
func checkKeys(e Event, k recordKeys) error {
	switch {
	case k.patientID == "":
		return ErrMissingPatientID
	case e.PatientID != k.patientID:
		return &MalformedError{Reason: fmt.Sprintf("header %s %q differs from body patientId %q", HeaderSubject, e.PatientID, k.patientID)}
	case e.EncounterID != k.encounterID:
		return &MalformedError{Reason: fmt.Sprintf("header %s %q differs from body encounterId %q", HeaderEncounterID, e.EncounterID, k.encounterID)}
	case e.AggregateID != k.aggregateID:
		return &MalformedError{Reason: fmt.Sprintf("header %s %q differs from the body's record id %q", HeaderAggregateID, e.AggregateID, k.aggregateID)}
	}
	return nil
}

// Decode parses and validates a Kafka message's headers and body. Its errors
// are typed: *UnknownTypeError, *UnknownVersionError, *SchemaError (with the
// JSON path), ErrMissingPatientID, *MalformedError; ErrorKind classifies them.
func Decode(headers map[string]string, body []byte) (Event, error) {
	if len(body) > MaxBodyBytes {
		return Event{}, &MalformedError{Reason: fmt.Sprintf("body of %d bytes exceeds the limit of %d", len(body), MaxBodyBytes)}
	}
	if v := headers[HeaderSpecVersion]; v != specVersion {
		return Event{}, &MalformedError{Reason: fmt.Sprintf("header %s is %q, want %q", HeaderSpecVersion, v, specVersion)}
	}
	t, version, err := parseCEType(headers[HeaderType])
	if err != nil {
		return Event{}, err
	}
	versions, ok := registry[t]
	if !ok {
		return Event{}, &UnknownTypeError{Type: headers[HeaderType]}
	}
	r, ok := versions[version]
	if !ok {
		return Event{}, &UnknownVersionError{Type: t, Version: version}
	}
	e := Event{Type: t, Version: version, Source: r.source}
	if err := decodeEnvelope(headers, &e); err != nil {
		return Event{}, err
	}
	if ct := headers[HeaderContentType]; ct != "" && !strings.HasPrefix(ct, ContentTypeJSON) {
		return Event{}, &MalformedError{Reason: fmt.Sprintf("content type %q is not %s", ct, ContentTypeJSON)}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return Event{}, &MalformedError{Reason: "body is not JSON", Err: err}
	}
	if obj, ok := doc.(map[string]any); ok {
		if id, _ := obj["patientId"].(string); id == "" {
			return Event{}, ErrMissingPatientID
		}
	}
	if err := validate(e.Schema(), doc); err != nil {
		return Event{}, err
	}
	p, err := r.unmarshal(body)
	if err != nil {
		return Event{}, &MalformedError{Reason: "body does not fit " + string(t), Err: err}
	}
	e.Payload = p
	if err := checkKeys(e, p.keys()); err != nil {
		return Event{}, err
	}
	return e, nil
}

func decodeEnvelope(h map[string]string, e *Event) error {
	e.PatientID = h[HeaderSubject]
	if e.PatientID == "" {
		return ErrMissingPatientID
	}
	e.ID = h[HeaderID]
	if e.ID == "" {
		return &MalformedError{Reason: "header " + HeaderID + " is missing"}
	}
	if s := Source(h[HeaderSource]); s != e.Source {
		return &MalformedError{Reason: fmt.Sprintf("header %s is %q, but %s events come from %q", HeaderSource, s, e.Type, e.Source)}
	}
	var err error
	if e.OccurredAt, err = time.Parse(time.RFC3339Nano, h[HeaderTime]); err != nil {
		return &MalformedError{Reason: "header " + HeaderTime + " is not an RFC 3339 time", Err: err}
	}
	if v, ok := h[HeaderRecordedAt]; ok {
		if e.RecordedAt, err = time.Parse(time.RFC3339Nano, v); err != nil {
			return &MalformedError{Reason: "header " + HeaderRecordedAt + " is not an RFC 3339 time", Err: err}
		}
	}
	e.EncounterID = h[HeaderEncounterID]
	e.AggregateID = h[HeaderAggregateID]
	if e.AggregateVersion, err = strconv.ParseInt(h[HeaderAggregateVersion], 10, 64); err != nil || e.AggregateVersion < 1 {
		return &MalformedError{Reason: fmt.Sprintf("header %s %q is not a version >= 1", HeaderAggregateVersion, h[HeaderAggregateVersion])}
	}
	if a := h[HeaderActor]; a != "" {
		role, id, ok := strings.Cut(a, ":")
		if !ok {
			return &MalformedError{Reason: fmt.Sprintf("header %s %q is not role:id", HeaderActor, a)}
		}
		e.Actor = Actor{ID: id, Role: role}
	}
	e.CorrelationID = h[HeaderCorrelationID]
	e.TraceParent = h[HeaderTraceParent]
	return nil
}
