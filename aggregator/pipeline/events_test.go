package pipeline_test

import (
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// at returns a fixed clinical time, minutes after a base.
func at(min int) time.Time {
	return time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC).Add(time.Duration(min) * time.Minute)
}

// visitEvents returns, in each record's own order, the events of one
// realistic encounter: opening, triage, a prescription, a lab order with a
// result and its correction.
func visitEvents(t *testing.T, patientID, encounterID string) []contracts.Event {
	t.Helper()
	enc := contracts.EncounterState{
		PatientID: patientID, EncounterID: encounterID,
		Patient:   contracts.Patient{ID: patientID, Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
		ArrivedAt: at(0), Status: contracts.EncounterStatusOpen, Reason: "Chest pain",
	}
	triaged := enc
	triaged.Triage = &contracts.TriageAssessment{Acuity: 3, ChiefComplaint: "Chest pain", NurseID: "N-1", AssessedAt: at(10),
		Vitals: contracts.Vitals{HeartRate: 90, Systolic: 130, Diastolic: 85, RespiratoryRate: 16, TemperatureC: 36.8, SpO2: 98, PainScore: 5}}
	rx := contracts.PrescriptionState{PatientID: patientID, EncounterID: encounterID, PrescriptionID: "RX-" + encounterID,
		Status: contracts.PrescriptionStatusActive, IssuedAt: at(20),
		Prescriber: contracts.Prescriber{ID: "PR-1", Name: "Dr. João Silva", Specialty: "Cardiology", License: "CRM12345"},
		Items:      []contracts.PrescriptionItem{{MedicationCode: "ASA100", MedicationName: "Aspirin", MedicationClass: "antiplatelet", Dose: "100mg", Route: "oral", Frequency: "daily"}}}
	order := contracts.LabOrderState{PatientID: patientID, EncounterID: encounterID, OrderID: "LO-" + encounterID,
		Tests: []contracts.LabTest{{Code: "2823-3", Name: "Potassium"}}, OrderedBy: "PR-1", OrderedAt: at(15)}
	low, high := 3.5, 5.1
	result := contracts.LabResult{Code: "2823-3", Name: "Potassium", Value: 5.9, Unit: "mmol/L",
		ReferenceRange: contracts.ReferenceRange{Low: &low, High: &high}, Interpretation: "H",
		Status: contracts.ResultStatusFinal, Performer: "LAB-7", ResultedAt: at(60)}
	resulted := order
	resulted.Results = []contracts.LabResult{result}
	corrected := order
	fixed := result
	fixed.Value, fixed.Interpretation, fixed.Status = 4.2, "N", contracts.ResultStatusCorrected
	fixed.Corrections = []contracts.LabCorrection{{PreviousValue: 5.9, PreviousUnit: "mmol/L", Value: 4.2, Unit: "mmol/L",
		Reason: "Hemolyzed sample", CorrectedBy: "LAB-9", CorrectedAt: at(90)}}
	corrected.Results = []contracts.LabResult{fixed}

	type step struct {
		p       contracts.Payload
		version int64
		when    time.Time
	}
	steps := []step{
		{contracts.EncounterOpened{EncounterState: enc}, 1, at(0)},
		{contracts.TriageRecorded{EncounterState: triaged}, 2, at(10)},
		{contracts.PrescriptionIssued{PrescriptionState: rx}, 1, at(20)},
		{contracts.LabOrderPlaced{LabOrderState: order}, 1, at(15)},
		{contracts.LabResultRecorded{LabOrderState: resulted, ResultCode: "2823-3"}, 2, at(60)},
		{contracts.LabResultCorrected{LabOrderState: corrected, ResultCode: "2823-3"}, 3, at(90)},
	}
	var out []contracts.Event
	for _, s := range steps {
		e, err := contracts.NewEvent(s.p, contracts.Meta{OccurredAt: s.when, RecordedAt: s.when, AggregateVersion: s.version,
			Actor: contracts.Actor{ID: "U-1", Role: "physician"}})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}
