package rebuild_test

import (
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
)

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func publish(t *testing.T, pub message.Publisher, topics map[string]string, events []contracts.Event) {
	t.Helper()
	for _, e := range events {
		m, err := contracts.Encode(e)
		if err != nil {
			t.Fatal(err)
		}
		msg := message.NewMessage(watermill.NewUUID(), m.Body)
		for k, v := range m.Headers {
			msg.Metadata.Set(k, v)
		}
		if err := pub.Publish(topics[e.Topic()], msg); err != nil {
			t.Fatal(err)
		}
	}
}

// encounterEvents is a small but complete encounter: opening, triage, a
// prescription, and an imaging study through its report.
func encounterEvents(t *testing.T, patientID, encounterID string, day int) []contracts.Event {
	t.Helper()
	base := time.Date(2026, 1, 1+day, 9, 0, 0, 0, time.UTC)
	enc := contracts.EncounterState{PatientID: patientID, EncounterID: encounterID, ArrivedAt: base, Status: contracts.EncounterStatusOpen,
		Patient: contracts.Patient{ID: patientID, Name: "Ana Souza " + patientID, BirthDate: "1970-01-01", Sex: "female"}}
	tri := enc
	tri.Triage = &contracts.TriageAssessment{Acuity: 2, ChiefComplaint: "Dyspnea", NurseID: "N-2", AssessedAt: base.Add(5 * time.Minute),
		Vitals: contracts.Vitals{HeartRate: 110, Systolic: 150, Diastolic: 90, RespiratoryRate: 24, TemperatureC: 37.9, SpO2: 91, PainScore: 3}}
	study := contracts.ImagingStudyState{PatientID: patientID, EncounterID: encounterID, StudyID: "IS-" + encounterID, Status: contracts.StudyStatusOrdered,
		Modality: "XR", ProcedureCode: "XRCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: base.Add(10 * time.Minute)}
	done := study
	done.Status, done.StudyInstanceUID, done.Technologist = contracts.StudyStatusPerformed, "1.2.3.4", "T-1"
	performed := base.Add(30 * time.Minute)
	done.PerformedAt = &performed
	reported := done
	reported.Status = contracts.StudyStatusReported
	reported.Report = &contracts.ImagingReport{Findings: "Bilateral infiltrates.", Impression: "Pneumonia.", Radiologist: "RAD-1",
		Status: contracts.ReportStatusFinal, FinalizedAt: base.Add(time.Hour)}
	steps := []struct {
		p       contracts.Payload
		version int64
		when    time.Time
	}{
		{contracts.EncounterOpened{EncounterState: enc}, 1, base},
		{contracts.TriageRecorded{EncounterState: tri}, 2, base.Add(5 * time.Minute)},
		{contracts.ImagingStudyOrdered{ImagingStudyState: study}, 1, base.Add(10 * time.Minute)},
		{contracts.ImagingStudyPerformed{ImagingStudyState: done}, 2, performed},
		{contracts.ImagingReportFinalized{ImagingStudyState: reported}, 3, base.Add(time.Hour)},
	}
	var out []contracts.Event
	for _, s := range steps {
		e, err := contracts.NewEvent(s.p, contracts.Meta{OccurredAt: s.when, RecordedAt: s.when, AggregateVersion: s.version})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}
