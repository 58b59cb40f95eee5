package history

import (
	"fmt"
	"slices"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// t0 is when the first test encounter begins.
var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// at is t0 plus some minutes.
func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

// Actors of the test events, one per role.
var (
	nurse       = contracts.Actor{ID: "N-17", Role: "nurse"}
	physician   = contracts.Actor{ID: "PR-1", Role: "physician"}
	labtech     = contracts.Actor{ID: "LAB-9", Role: "labtech"}
	radiologist = contracts.Actor{ID: "RAD-2", Role: "radiologist"}
)

// fataler is what the builder needs of *testing.T, *testing.B and *rapid.T.
type fataler interface {
	Fatalf(format string, args ...any)
}

// builder makes deliveries the way the aggregator receives them: built with
// contracts.NewEvent, encoded (which validates against the JSON Schema) and
// decoded again. Event ids are sequential UUIDv7-shaped strings, so a test
// controls which of two events has the smaller id; offsets count per topic.
type builder struct {
	t       fataler
	seq     int
	offsets map[string]int64
}

func newBuilder(t fataler) *builder { return &builder{t: t, offsets: map[string]int64{}} }

// nextID returns a fresh event id, greater than every earlier one.
func (b *builder) nextID() string {
	b.seq++
	return fmt.Sprintf("01900000-0000-7000-8000-%012d", b.seq)
}

// deliver builds the delivery of payload as version of its record, which
// happened at occurredAt and was received one second later.
func (b *builder) deliver(p contracts.Payload, version int64, occurredAt time.Time, actor contracts.Actor) Delivery {
	e, err := contracts.NewEvent(p, contracts.Meta{
		OccurredAt:       occurredAt,
		RecordedAt:       occurredAt,
		AggregateVersion: version,
		Actor:            actor,
		CorrelationID:    "corr-1",
		TraceParent:      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
	})
	if err != nil {
		b.t.Fatalf("new %s event: %v", p.EventType(), err)
	}
	e.ID = b.nextID()
	msg, err := contracts.Encode(e)
	if err != nil {
		b.t.Fatalf("encode %s: %v", e.Type, err)
	}
	decoded, err := contracts.Decode(msg.Headers, msg.Body)
	if err != nil {
		b.t.Fatalf("decode %s: %v", e.Type, err)
	}
	topic := decoded.Topic()
	offset := b.offsets[topic]
	b.offsets[topic]++
	return Delivery{Event: decoded, Topic: topic, Offset: offset, ReceivedAt: occurredAt.Add(time.Second)}
}

// visit is an encounter just opened at arrival.
func visit(patientID, encounterID string, arrivedAt time.Time) contracts.EncounterState {
	return contracts.EncounterState{
		PatientID:   patientID,
		EncounterID: encounterID,
		Patient:     contracts.Patient{ID: patientID, Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
		ArrivedAt:   arrivedAt,
		Reason:      "Chest pain since morning",
		Status:      contracts.EncounterStatusOpen,
	}
}

// triaged is s after a (re-)triage with the given acuity.
func triaged(s contracts.EncounterState, acuity int, assessedAt time.Time) contracts.EncounterState {
	if s.Triage != nil {
		s.SupersededTriage = append(slices.Clone(s.SupersededTriage), *s.Triage)
	}
	s.Triage = &contracts.TriageAssessment{
		Acuity:         acuity,
		ChiefComplaint: "Chest pain",
		Vitals:         contracts.Vitals{HeartRate: 96, Systolic: 142, Diastolic: 88, RespiratoryRate: 18, TemperatureC: 37.2, SpO2: 97, PainScore: 6},
		NurseID:        nurse.ID,
		AssessedAt:     assessedAt,
	}
	return s
}

// closed is s after discharge.
func closed(s contracts.EncounterState, closedAt time.Time) contracts.EncounterState {
	s.Status = contracts.EncounterStatusClosed
	s.Disposition = "discharged"
	s.ClosedAt = &closedAt
	return s
}

// prescription is an active prescription of aspirin and paracetamol.
func prescription(patientID, encounterID, id string, issuedAt time.Time) contracts.PrescriptionState {
	return contracts.PrescriptionState{
		PatientID:      patientID,
		EncounterID:    encounterID,
		PrescriptionID: id,
		Status:         contracts.PrescriptionStatusActive,
		IssuedAt:       issuedAt,
		Prescriber:     contracts.Prescriber{ID: physician.ID, Name: "Dr. João Silva", Specialty: "Cardiology", License: "CRM12345"},
		Items: []contracts.PrescriptionItem{
			{MedicationCode: "ASA100", MedicationName: "Aspirin", MedicationClass: "antiplatelet", Dose: "100mg", Route: "oral", Frequency: "daily", Times: []string{"08:00"}},
			{MedicationCode: "PCM500", MedicationName: "Paracetamol", MedicationClass: "analgesic", Dose: "500mg", Route: "oral", Frequency: "q8h", Times: []string{"08:00", "16:00", "00:00"}},
		},
	}
}

// cancelled is rx after its cancellation.
func cancelled(rx contracts.PrescriptionState, cancelledAt time.Time) contracts.PrescriptionState {
	rx.Status = contracts.PrescriptionStatusCancelled
	rx.Cancellation = &contracts.Cancellation{Reason: "Allergy reported", CancelledBy: physician.ID, CancelledAt: cancelledAt}
	return rx
}
