package storetest

import (
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// fullEncounter is a closed encounter with every kind of record, superseded
// versions, pointers set and unset, nested lists and nanosecond times: what
// a store must give back unchanged.
func fullEncounter(id, patientID string) history.Encounter {
	e := encounter(id, patientID, at(0))
	e.Status, e.Missing, e.UpdatedAt = history.StatusClosed, []string{}, at(240)
	opened := visitState(patientID, id)
	triaged := opened
	triaged.Triage = &contracts.TriageAssessment{
		Acuity: 3, ChiefComplaint: "chest pain", NurseID: "N-17", AssessedAt: at(5),
		Vitals: contracts.Vitals{HeartRate: 96, Systolic: 150, Diastolic: 95, RespiratoryRate: 18,
			TemperatureC: 37.2, SpO2: 97, PainScore: 6},
	}
	triaged.SupersededTriage = []contracts.TriageAssessment{{Acuity: 4, ChiefComplaint: "dizziness", NurseID: "N-17", AssessedAt: at(2)}}
	closed := triaged
	closedAt := at(240)
	closed.Status, closed.Disposition, closed.ClosedAt = contracts.EncounterStatusClosed, "discharged", &closedAt
	e.Visit = &history.Record[contracts.EncounterState]{
		ID:      id,
		Current: history.Version[contracts.EncounterState]{State: closed, Provenance: provenance(contracts.SourceTriage, 3, at(240))},
		Superseded: []history.Version[contracts.EncounterState]{
			{State: opened, Provenance: provenance(contracts.SourceTriage, 1, at(0))},
			{State: triaged, Provenance: provenance(contracts.SourceTriage, 2, at(5))},
		},
	}
	e.Prescriptions = []history.Record[contracts.PrescriptionState]{prescription(patientID, id)}
	e.LabOrders = []history.Record[contracts.LabOrderState]{labOrder(patientID, id)}
	e.ImagingStudies = []history.Record[contracts.ImagingStudyState]{imagingStudy(patientID, id)}
	return e
}

func visitState(patientID, encounterID string) contracts.EncounterState {
	return contracts.EncounterState{
		PatientID: patientID, EncounterID: encounterID, ArrivedAt: at(0), Reason: "chest pain",
		Status:  contracts.EncounterStatusOpen,
		Patient: contracts.Patient{ID: patientID, Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
	}
}

func prescription(patientID, encounterID string) history.Record[contracts.PrescriptionState] {
	issued := contracts.PrescriptionState{
		PatientID: patientID, EncounterID: encounterID, PrescriptionID: "RX-1", Status: contracts.PrescriptionStatusActive,
		IssuedAt:   at(30),
		Prescriber: contracts.Prescriber{ID: "PR-1", Name: "Dr. João Silva", Specialty: "Cardiology", License: "CRM12345"},
		Items: []contracts.PrescriptionItem{
			{MedicationCode: "ASA", MedicationName: "Aspirin", MedicationClass: "antiplatelet", Dose: "100mg", Route: "oral", Frequency: "daily", Times: []string{"08:00"}},
			{MedicationCode: "PCM", MedicationName: "Paracetamol", MedicationClass: "analgesic", Dose: "500mg", Route: "oral", Frequency: "q6h"},
		},
	}
	cancelled := issued
	cancelled.Status = contracts.PrescriptionStatusCancelled
	cancelled.Cancellation = &contracts.Cancellation{Reason: "duplicate", CancelledBy: "PR-1", CancelledAt: at(45)}
	return history.Record[contracts.PrescriptionState]{
		ID:         "RX-1",
		Current:    history.Version[contracts.PrescriptionState]{State: cancelled, Provenance: provenance(contracts.SourcePrescription, 5, at(45))},
		Superseded: []history.Version[contracts.PrescriptionState]{{State: issued, Provenance: provenance(contracts.SourcePrescription, 4, at(30))}},
	}
}

func labOrder(patientID, encounterID string) history.Record[contracts.LabOrderState] {
	low, high := 3.5, 5.1
	state := contracts.LabOrderState{
		PatientID: patientID, EncounterID: encounterID, OrderID: "LO-1", OrderedBy: "PR-1", OrderedAt: at(40),
		Tests: []contracts.LabTest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}},
		Results: []contracts.LabResult{{
			Code: "2823-3", Name: "Potassium", Value: 4.2, Unit: "mmol/L", Interpretation: "N",
			ReferenceRange: contracts.ReferenceRange{Low: &low, High: &high},
			Status:         contracts.ResultStatusCorrected, Performer: "LAB-7", ResultedAt: at(90),
			Corrections: []contracts.LabCorrection{{PreviousValue: 5.9, PreviousUnit: "mmol/L", Value: 4.2, Unit: "mmol/L",
				Reason: "Hemolyzed sample; redrawn", CorrectedBy: "LAB-9", CorrectedAt: at(130)}},
		}, {
			Code: "718-7", Name: "Hemoglobin", Value: 13.1, Unit: "g/dL",
			ReferenceRange: contracts.ReferenceRange{Low: &low}, Status: contracts.ResultStatusFinal,
			Performer: "LAB-7", ResultedAt: at(91),
		}},
	}
	return history.Record[contracts.LabOrderState]{
		ID: "LO-1", Current: history.Version[contracts.LabOrderState]{State: state, Provenance: provenance(contracts.SourceLab, 8, at(130))},
	}
}

func imagingStudy(patientID, encounterID string) history.Record[contracts.ImagingStudyState] {
	performedAt := at(100)
	state := contracts.ImagingStudyState{
		PatientID: patientID, EncounterID: encounterID, StudyID: "IS-1", Status: contracts.StudyStatusReported,
		Modality: "CT", ProcedureCode: "71250", BodySite: "chest", OrderedBy: "PR-1", OrderedAt: at(50),
		StudyInstanceUID: "1.2.840.113619.2.55.3", Technologist: "TEC-3", PerformedAt: &performedAt,
		Report: &contracts.ImagingReport{
			Findings: "No acute findings.", Impression: "Normal chest CT.", Radiologist: "RAD-2",
			Status: contracts.ReportStatusAmended, FinalizedAt: at(150),
			Amendments: []contracts.ImagingAmendment{{PreviousFindings: "Small nodule.", PreviousImpression: "Follow-up.",
				Reason: "Artifact", Radiologist: "RAD-2", AmendedAt: at(200).Add(time.Nanosecond)}},
		},
	}
	return history.Record[contracts.ImagingStudyState]{
		ID: "IS-1", Current: history.Version[contracts.ImagingStudyState]{State: state, Provenance: provenance(contracts.SourceImaging, 9, at(200))},
	}
}
