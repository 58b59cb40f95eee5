package fakestore

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// Ids of the fixture world.
const (
	// PatientMaria has a complete, closed encounter with every kind of
	// record, corrections, an amendment and a cancelled prescription, and an
	// open encounter with a re-triage.
	PatientMaria      = "P-1001"
	EncounterComplete = "E-2001"
	EncounterOpen     = "E-2003"
	// PatientUnknown is known only through a lab order: no demographics, one
	// UNKNOWN encounter missing ENCOUNTER and TRIAGE, with a preliminary result.
	PatientUnknown   = "P-1002"
	EncounterUnknown = "E-2002"
	// PatientMany has ManyEncounters encounters, one prescription item each.
	PatientMany    = "P-1003"
	ManyEncounters = 150
)

// Billable acts of the fixture world: E-2001 bills 2 medications, the
// final hemoglobin, the corrected potassium (once) and the CT; the cancelled
// prescription, the entered-in-error creatinine and E-2002's preliminary
// result bill nothing. E-2003 bills 1 medication, PatientMany's encounters 1 each.
const (
	BillableComplete = 5
	BillableTotal    = BillableComplete + 1 + ManyEncounters
)

// world builds deliveries with deterministic event ids and Kafka offsets.
type world struct {
	deliveries []history.Delivery
	offsets    map[string]int64
	err        error
}

// World returns the deliveries of the fixture world, in a realistic order.
func World() ([]history.Delivery, error) {
	w := &world{offsets: map[string]int64{}}
	w.maria()
	w.unknown()
	w.many()
	return w.deliveries, w.err
}

// Seeded returns a store holding the fixture world.
func Seeded() (*Store, []history.Delivery, error) {
	ds, err := World()
	if err != nil {
		return nil, nil, err
	}
	s := New()
	if err := s.Apply(ds...); err != nil {
		return nil, nil, err
	}
	return s, ds, nil
}

// emit records one event of payload at version v, occurred at at, by actor "role:id".
func (w *world) emit(p contracts.Payload, v int64, at time.Time, role, id string) history.Delivery {
	e, err := contracts.NewEvent(p, contracts.Meta{
		OccurredAt: at, RecordedAt: at.Add(time.Second), AggregateVersion: v,
		Actor: contracts.Actor{ID: id, Role: role}, CorrelationID: "corr-" + string(p.EventType()),
	})
	if err != nil && w.err == nil {
		w.err = err
	}
	n := len(w.deliveries) + 1
	e.ID = fmt.Sprintf("01900000-0000-7000-8000-%012d", n)
	topic := e.Source.Topic()
	d := history.Delivery{Event: e, Topic: topic, Partition: 0, Offset: w.offsets[topic], ReceivedAt: at.Add(2 * time.Second)}
	w.offsets[topic]++
	w.deliveries = append(w.deliveries, d)
	return d
}

// Next returns a delivery not in the world (a new prescription for
// EncounterOpen), for read-your-writes tests: apply it when the test wants
// the event to become visible.
func Next() (history.Delivery, error) {
	w := &world{offsets: map[string]int64{contracts.TopicPrescription: 1000}}
	rx := contracts.PrescriptionState{
		PatientID: PatientMaria, EncounterID: EncounterOpen, PrescriptionID: "RX-3999", Status: contracts.PrescriptionStatusActive,
		IssuedAt: day(2026, 3, 5, 12, 0), Prescriber: drSilva,
		Items: []contracts.PrescriptionItem{{MedicationCode: "MED-OMEP", MedicationName: "Omeprazole", MedicationClass: "proton-pump-inhibitor",
			Dose: "20mg", Route: "oral", Frequency: "daily", Times: []string{"07:00"}}},
	}
	d := w.emit(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, rx.IssuedAt, "physician", "PR-1")
	d.Event.ID = "01900000-0000-7000-8000-999999999999"
	return d, w.err
}

func day(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func ptr[T any](v T) *T { return &v }

var drSilva = contracts.Prescriber{ID: "PR-1", Name: "Dr. João Silva", Specialty: "Cardiology", License: "CRM12345"}
