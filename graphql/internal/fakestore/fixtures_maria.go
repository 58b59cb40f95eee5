package fakestore

import (
	"github.com/prontuario/prontuario/contracts"
)

var maria = contracts.Patient{ID: PatientMaria, Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"}

// maria: E-2001 complete and closed, with every kind of record; E-2003 open,
// re-triaged.
func (w *world) maria() {
	visit := contracts.EncounterState{
		PatientID: PatientMaria, EncounterID: EncounterComplete, Patient: maria,
		ArrivedAt: day(2026, 3, 2, 10, 0), Reason: "Chest pain since morning", Status: contracts.EncounterStatusOpen,
	}
	w.emit(contracts.EncounterOpened{EncounterState: visit}, 1, visit.ArrivedAt, "receptionist", "R-1")
	visit.Triage = &contracts.TriageAssessment{
		Acuity: 3, ChiefComplaint: "Chest pain", NurseID: "N-17", AssessedAt: day(2026, 3, 2, 10, 12),
		Vitals: contracts.Vitals{HeartRate: 96, Systolic: 142, Diastolic: 88, RespiratoryRate: 18, TemperatureC: 37.2, SpO2: 97, PainScore: 6},
	}
	w.emit(contracts.TriageRecorded{EncounterState: visit}, 2, visit.Triage.AssessedAt, "nurse", "N-17")
	w.prescriptions()
	w.lab()
	w.imaging()
	visit.Status, visit.Disposition, visit.ClosedAt = contracts.EncounterStatusClosed, "discharged", ptr(day(2026, 3, 2, 14, 0))
	w.emit(contracts.EncounterClosed{EncounterState: visit}, 3, *visit.ClosedAt, "physician", "PR-1")

	open := contracts.EncounterState{
		PatientID: PatientMaria, EncounterID: EncounterOpen, Patient: maria,
		ArrivedAt: day(2026, 3, 5, 9, 0), Reason: "Shortness of breath", Status: contracts.EncounterStatusOpen,
		Triage: &contracts.TriageAssessment{Acuity: 2, ChiefComplaint: "Dyspnea", NurseID: "N-4", AssessedAt: day(2026, 3, 5, 9, 5),
			Vitals: contracts.Vitals{HeartRate: 118, Systolic: 150, Diastolic: 95, RespiratoryRate: 26, TemperatureC: 36.9, SpO2: 89, PainScore: 3}},
	}
	w.emit(contracts.EncounterOpened{EncounterState: open}, 1, open.ArrivedAt, "nurse", "N-4")
	first := *open.Triage
	open.SupersededTriage = []contracts.TriageAssessment{first}
	open.Triage = &contracts.TriageAssessment{Acuity: 3, ChiefComplaint: "Dyspnea, improving", NurseID: "N-4", AssessedAt: day(2026, 3, 5, 9, 40),
		Vitals: contracts.Vitals{HeartRate: 100, Systolic: 138, Diastolic: 85, RespiratoryRate: 20, TemperatureC: 36.8, SpO2: 94, PainScore: 2}}
	w.emit(contracts.TriageRecorded{EncounterState: open}, 2, open.Triage.AssessedAt, "nurse", "N-4")
	rx := contracts.PrescriptionState{
		PatientID: PatientMaria, EncounterID: EncounterOpen, PrescriptionID: "RX-3003", Status: contracts.PrescriptionStatusActive,
		IssuedAt: day(2026, 3, 5, 9, 50), Prescriber: drSilva,
		Items: []contracts.PrescriptionItem{{MedicationCode: "MED-SALB", MedicationName: "Salbutamol", MedicationClass: "bronchodilator",
			Dose: "100mcg", Route: "inhaled", Frequency: "q4h"}},
	}
	w.emit(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, rx.IssuedAt, "physician", "PR-1")
}

func (w *world) prescriptions() {
	rx := contracts.PrescriptionState{
		PatientID: PatientMaria, EncounterID: EncounterComplete, PrescriptionID: "RX-3001", Status: contracts.PrescriptionStatusActive,
		IssuedAt: day(2026, 3, 2, 10, 40), Prescriber: drSilva,
		Items: []contracts.PrescriptionItem{
			{MedicationCode: "MED-ASA", MedicationName: "Aspirin", MedicationClass: "antiplatelet", Dose: "100mg", Route: "oral", Frequency: "daily", Times: []string{"08:00"}},
			{MedicationCode: "MED-PARA", MedicationName: "Paracetamol", MedicationClass: "analgesic", Dose: "500mg", Route: "oral", Frequency: "q6h", Times: []string{"20:00"}},
		},
	}
	w.emit(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, rx.IssuedAt, "physician", "PR-1")
	cancelled := contracts.PrescriptionState{
		PatientID: PatientMaria, EncounterID: EncounterComplete, PrescriptionID: "RX-3002", Status: contracts.PrescriptionStatusActive,
		IssuedAt: day(2026, 3, 2, 10, 45), Prescriber: drSilva,
		Items: []contracts.PrescriptionItem{{MedicationCode: "MED-DIPY", MedicationName: "Dipyrone", MedicationClass: "analgesic", Dose: "1g", Route: "iv", Frequency: "once"}},
	}
	w.emit(contracts.PrescriptionIssued{PrescriptionState: cancelled}, 1, cancelled.IssuedAt, "physician", "PR-1")
	cancelled.Status = contracts.PrescriptionStatusCancelled
	cancelled.Cancellation = &contracts.Cancellation{Reason: "Duplicate of RX-3001", CancelledBy: "PR-1", CancelledAt: day(2026, 3, 2, 11, 0)}
	w.emit(contracts.PrescriptionCancelled{PrescriptionState: cancelled}, 2, cancelled.Cancellation.CancelledAt, "physician", "PR-1")
}

func (w *world) lab() {
	order := contracts.LabOrderState{
		PatientID: PatientMaria, EncounterID: EncounterComplete, OrderID: "LO-4001", OrderedBy: "PR-1", OrderedAt: day(2026, 3, 2, 10, 30),
		Tests: []contracts.LabTest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}, {Code: "2160-0", Name: "Creatinine"}},
	}
	w.emit(contracts.LabOrderPlaced{LabOrderState: order}, 1, order.OrderedAt, "physician", "PR-1")
	hb := contracts.LabResult{Code: "718-7", Name: "Hemoglobin", Value: 13.5, Unit: "g/dL", Interpretation: "N",
		ReferenceRange: contracts.ReferenceRange{Low: ptr(12.0), High: ptr(16.0)}, Status: contracts.ResultStatusFinal,
		Performer: "LAB-7", ResultedAt: day(2026, 3, 2, 11, 20)}
	order.Results = []contracts.LabResult{hb}
	w.emit(contracts.LabResultRecorded{LabOrderState: order, ResultCode: hb.Code}, 2, hb.ResultedAt, "labtech", "LAB-7")
	k := contracts.LabResult{Code: "2823-3", Name: "Potassium", Value: 5.9, Unit: "mmol/L", Interpretation: "H",
		ReferenceRange: contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}, Status: contracts.ResultStatusFinal,
		Performer: "LAB-7", ResultedAt: day(2026, 3, 2, 11, 30)}
	order.Results = []contracts.LabResult{hb, k}
	w.emit(contracts.LabResultRecorded{LabOrderState: order, ResultCode: k.Code}, 3, k.ResultedAt, "labtech", "LAB-7")
	k.Value, k.Interpretation, k.Status = 4.2, "N", contracts.ResultStatusCorrected
	k.Corrections = []contracts.LabCorrection{{PreviousValue: 5.9, PreviousUnit: "mmol/L", Value: 4.2, Unit: "mmol/L",
		Reason: "Hemolyzed sample; redrawn", CorrectedBy: "LAB-9", CorrectedAt: day(2026, 3, 2, 12, 10)}}
	order.Results = []contracts.LabResult{hb, k}
	w.emit(contracts.LabResultCorrected{LabOrderState: order, ResultCode: k.Code}, 4, k.Corrections[0].CorrectedAt, "labtech", "LAB-9")
	cr := contracts.LabResult{Code: "2160-0", Name: "Creatinine", Value: 9.9, Unit: "mg/dL",
		ReferenceRange: contracts.ReferenceRange{High: ptr(1.2)}, Status: contracts.ResultStatusEnteredInError,
		Performer: "LAB-7", ResultedAt: day(2026, 3, 2, 12, 30)}
	order.Results = []contracts.LabResult{hb, k, cr}
	w.emit(contracts.LabResultRecorded{LabOrderState: order, ResultCode: cr.Code}, 5, cr.ResultedAt, "labtech", "LAB-7")
}

func (w *world) imaging() {
	st := contracts.ImagingStudyState{
		PatientID: PatientMaria, EncounterID: EncounterComplete, StudyID: "IS-5001", Status: contracts.StudyStatusOrdered,
		Modality: "CT", ProcedureCode: "CTCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: day(2026, 3, 2, 10, 35),
	}
	w.emit(contracts.ImagingStudyOrdered{ImagingStudyState: st}, 1, st.OrderedAt, "physician", "PR-1")
	st.Status, st.StudyInstanceUID, st.Technologist, st.PerformedAt = contracts.StudyStatusPerformed, "1.2.840.113619.2.55.3.604688", "T-3", ptr(day(2026, 3, 2, 11, 0))
	w.emit(contracts.ImagingStudyPerformed{ImagingStudyState: st}, 2, *st.PerformedAt, "technologist", "T-3")
	st.Status = contracts.StudyStatusReported
	st.Report = &contracts.ImagingReport{Findings: "No pulmonary embolism.", Impression: "Normal CT of the chest.",
		Radiologist: "RAD-2", Status: contracts.ReportStatusFinal, FinalizedAt: day(2026, 3, 2, 11, 45)}
	w.emit(contracts.ImagingReportFinalized{ImagingStudyState: st}, 3, st.Report.FinalizedAt, "radiologist", "RAD-2")
	amended := *st.Report
	amended.Findings, amended.Impression, amended.Status = "Small pleural effusion on the right.", "Small right pleural effusion.", contracts.ReportStatusAmended
	amended.Amendments = []contracts.ImagingAmendment{{PreviousFindings: "No pulmonary embolism.", PreviousImpression: "Normal CT of the chest.",
		Reason: "Re-read after comparison", Radiologist: "RAD-2", AmendedAt: day(2026, 3, 2, 13, 0)}}
	st.Report = &amended
	w.emit(contracts.ImagingReportAmended{ImagingStudyState: st}, 4, amended.Amendments[0].AmendedAt, "radiologist", "RAD-2")
}
