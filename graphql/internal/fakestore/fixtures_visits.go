package fakestore

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// FullVisits returns the deliveries of n complete visits of one patient
// (ids "<patientID>-E000"...): each triaged and closed, with a prescription
// of two items, a lab order with two results and a reported imaging study,
// every record through its versions, as the services emit them. It is the
// shape the end-to-end benchmark queries.
func FullVisits(patientID string, n int) ([]history.Delivery, error) {
	w := &world{offsets: map[string]int64{}}
	patient := contracts.Patient{ID: patientID, Name: "Ana Beatriz Souza", BirthDate: "1979-04-12", Sex: "female"}
	for i := range n {
		w.visit(patient, fmt.Sprintf("%s-E%03d", patientID, i), day(2024, 1, 1, 8, 0).Add(time.Duration(i)*48*time.Hour))
	}
	return w.deliveries, w.err
}

func (w *world) visit(patient contracts.Patient, id string, arrived time.Time) {
	pid := patient.ID
	v := contracts.EncounterState{PatientID: pid, EncounterID: id, Patient: patient, ArrivedAt: arrived,
		Reason: "Fever and cough", Status: contracts.EncounterStatusOpen}
	w.emit(contracts.EncounterOpened{EncounterState: v}, 1, arrived, "receptionist", "R-1")
	v.Triage = &contracts.TriageAssessment{Acuity: 3, ChiefComplaint: "Fever", NurseID: "N-2", AssessedAt: arrived.Add(5 * time.Minute),
		Vitals: contracts.Vitals{HeartRate: 96, Systolic: 128, Diastolic: 82, RespiratoryRate: 18, TemperatureC: 38.4, SpO2: 96, PainScore: 2}}
	w.emit(contracts.TriageRecorded{EncounterState: v}, 2, v.Triage.AssessedAt, "nurse", "N-2")
	rx := contracts.PrescriptionState{PatientID: pid, EncounterID: id, PrescriptionID: "RX-" + id, Status: contracts.PrescriptionStatusActive,
		IssuedAt: arrived.Add(30 * time.Minute), Prescriber: drSilva, Items: []contracts.PrescriptionItem{
			{MedicationCode: "MED-PARA", MedicationName: "Paracetamol", MedicationClass: "analgesic", Dose: "500mg", Route: "oral", Frequency: "q6h", Times: []string{"08:00", "14:00"}},
			{MedicationCode: "MED-AMOX", MedicationName: "Amoxicillin", MedicationClass: "antibiotic", Dose: "500mg", Route: "oral", Frequency: "q8h", Times: []string{"08:00"}},
		}}
	w.emit(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, rx.IssuedAt, "physician", "PR-1")
	lo := contracts.LabOrderState{PatientID: pid, EncounterID: id, OrderID: "LO-" + id, OrderedBy: "PR-1", OrderedAt: arrived.Add(35 * time.Minute),
		Tests: []contracts.LabTest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}}}
	w.emit(contracts.LabOrderPlaced{LabOrderState: lo}, 1, lo.OrderedAt, "physician", "PR-1")
	for j, t := range lo.Tests {
		at := lo.OrderedAt.Add(time.Duration(30+j*5) * time.Minute)
		lo.Results = append(lo.Results, contracts.LabResult{Code: t.Code, Name: t.Name, Value: 13.1 + float64(j), Unit: "g/dL", Interpretation: "N",
			ReferenceRange: contracts.ReferenceRange{Low: ptr(12.0), High: ptr(16.0)}, Status: contracts.ResultStatusFinal, Performer: "LAB-7", ResultedAt: at})
		w.emit(contracts.LabResultRecorded{LabOrderState: lo, ResultCode: t.Code}, int64(2+j), at, "labtech", "LAB-7")
	}
	st := contracts.ImagingStudyState{PatientID: pid, EncounterID: id, StudyID: "IS-" + id, Status: contracts.StudyStatusOrdered,
		Modality: "XR", ProcedureCode: "XRCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: arrived.Add(40 * time.Minute)}
	w.emit(contracts.ImagingStudyOrdered{ImagingStudyState: st}, 1, st.OrderedAt, "physician", "PR-1")
	st.Status, st.StudyInstanceUID, st.Technologist, st.PerformedAt = contracts.StudyStatusPerformed, "1.2.840."+id, "T-3", ptr(arrived.Add(time.Hour))
	w.emit(contracts.ImagingStudyPerformed{ImagingStudyState: st}, 2, *st.PerformedAt, "technologist", "T-3")
	st.Status = contracts.StudyStatusReported
	st.Report = &contracts.ImagingReport{Findings: "No consolidation.", Impression: "Normal chest.", Radiologist: "RAD-2",
		Status: contracts.ReportStatusFinal, FinalizedAt: arrived.Add(90 * time.Minute)}
	w.emit(contracts.ImagingReportFinalized{ImagingStudyState: st}, 3, st.Report.FinalizedAt, "radiologist", "RAD-2")
	v.Status, v.Disposition, v.ClosedAt = contracts.EncounterStatusClosed, "discharged", ptr(arrived.Add(3*time.Hour))
	w.emit(contracts.EncounterClosed{EncounterState: v}, 3, *v.ClosedAt, "physician", "PR-1")
}
