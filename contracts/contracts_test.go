package contracts_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

func TestEverySchemaCompiles(t *testing.T) {
	if err := contracts.CompileSchemas(); err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(contracts.Schemas, "schemas/*.json")
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{"defs.v1.json": true}
	for _, sv := range contracts.Registered() {
		registered[sv.File()] = true
	}
	for _, f := range files {
		if !registered[strings.TrimPrefix(f, "schemas/")] {
			t.Errorf("schema %s has no registered Go type", f)
		}
	}
	if len(files) != len(registered) {
		t.Errorf("%d schema files, %d registered types plus defs", len(files), len(registered))
	}
}

func TestGoldenEventsDecodeToTheirGoType(t *testing.T) {
	for _, g := range loadGoldens(t) {
		t.Run(g.Name, func(t *testing.T) {
			e, err := contracts.Decode(g.Headers, g.Body)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got := string(e.Type) + ".v1"; got != g.Name {
				t.Errorf("type %s, want %s", got, g.Name)
			}
			if e.Payload.EventType() != e.Type {
				t.Errorf("payload %T is not a %s", e.Payload, e.Type)
			}
			if gotName := reflect.TypeOf(e.Payload).Name(); gotName != string(e.Type) {
				t.Errorf("payload Go type %s, want %s", gotName, e.Type)
			}
			if e.PatientID != "P-1001" || e.EncounterID != "E-2001" || e.AggregateVersion < 1 {
				t.Errorf("envelope ids: %+v", e)
			}
			if e.Actor.Role == "" || e.Actor.ID == "" {
				t.Errorf("actor not decoded: %+v", e.Actor)
			}
		})
	}
}

func TestEncodeDecodeRoundTripIsLossless(t *testing.T) {
	for _, g := range loadGoldens(t) {
		t.Run(g.Name, func(t *testing.T) {
			first, err := contracts.Decode(g.Headers, g.Body)
			if err != nil {
				t.Fatal(err)
			}
			msg, err := contracts.Encode(first)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			if msg.Key != first.PatientID {
				t.Errorf("key %q, want patient id %q", msg.Key, first.PatientID)
			}
			if !reflect.DeepEqual(msg.Headers, g.Headers) {
				t.Errorf("headers differ:\n got %v\nwant %v", msg.Headers, g.Headers)
			}
			var gotBody, wantBody any
			_ = json.Unmarshal(msg.Body, &gotBody)
			_ = json.Unmarshal(g.Body, &wantBody)
			if !reflect.DeepEqual(gotBody, wantBody) {
				t.Errorf("body differs:\n got %s\nwant %s", msg.Body, g.Body)
			}
			second, err := contracts.Decode(msg.Headers, msg.Body)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(first, second) {
				t.Errorf("round trip differs:\n got %+v\nwant %+v", second, first)
			}
		})
	}
}

func TestNewEventFillsTheEnvelopeFromThePayload(t *testing.T) {
	p := contracts.LabOrderPlaced{LabOrderState: contracts.LabOrderState{
		PatientID: "P-1", EncounterID: "E-1", OrderID: "LO-1",
		Tests:     []contracts.LabTest{{Code: "718-7", Name: "Hemoglobin"}},
		OrderedBy: "PR-1", OrderedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}}
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("BRT", -3*3600))
	e, err := contracts.NewEvent(p, contracts.Meta{OccurredAt: at, RecordedAt: at, AggregateVersion: 1, Actor: contracts.Actor{ID: "PR-1", Role: "physician"}})
	if err != nil {
		t.Fatal(err)
	}
	if e.Source != contracts.SourceLab || e.Topic() != contracts.TopicLab || e.Version != 1 {
		t.Errorf("source %s topic %s version %d", e.Source, e.Topic(), e.Version)
	}
	if e.PatientID != "P-1" || e.EncounterID != "E-1" || e.AggregateID != "LO-1" {
		t.Errorf("keys not taken from payload: %+v", e)
	}
	if len(e.ID) != 36 || e.ID[14] != '7' {
		t.Errorf("id %q is not a UUIDv7", e.ID)
	}
	if e.OccurredAt.Location() != time.UTC {
		t.Errorf("occurred at not in UTC: %v", e.OccurredAt)
	}
	msg, err := contracts.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Headers[contracts.HeaderType] != "org.prontuario.lab.LabOrderPlaced.v1" {
		t.Errorf("ce_type %q", msg.Headers[contracts.HeaderType])
	}
	if msg.Headers[contracts.HeaderActor] != "physician:PR-1" {
		t.Errorf("actor header %q", msg.Headers[contracts.HeaderActor])
	}
}

func TestEncodeRejectsInvalidPayloads(t *testing.T) {
	p := contracts.LabOrderPlaced{LabOrderState: contracts.LabOrderState{PatientID: "P-1", EncounterID: "E-1", OrderID: "LO-1", OrderedBy: "PR-1", OrderedAt: time.Now()}}
	e, err := contracts.NewEvent(p, contracts.Meta{OccurredAt: time.Now(), AggregateVersion: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = contracts.Encode(e)
	var se *contracts.SchemaError
	if !errors.As(err, &se) || se.Path() != "/tests" {
		t.Fatalf("want a schema error at /tests (no tests ordered), got %v", err)
	}
	e.PatientID = ""
	if _, err := contracts.Encode(e); !errors.Is(err, contracts.ErrMissingPatientID) {
		t.Fatalf("want ErrMissingPatientID, got %v", err)
	}
}
