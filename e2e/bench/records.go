package bench

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// encounterRecords are the successive states of the source records of one
// encounter, as its events carry them.
type encounterRecords struct {
	opened, triaged, closed contracts.EncounterState
	prescription            contracts.PrescriptionState
	lab                     [3]contracts.LabOrderState     // placed, 1 result, 2 results
	imaging                 [3]contracts.ImagingStudyState // ordered, performed, reported
}

var (
	givenNames  = []string{"Maria", "Ana", "João", "Pedro", "Helena", "Lucas", "Beatriz", "Rafael"}
	familyNames = []string{"Oliveira", "Souza", "Silva", "Costa", "Pereira", "Almeida", "Prado"}
	complaints  = []string{"Chest pain", "Dyspnea", "Abdominal pain", "Fever", "Headache", "Fall"}
)

func records(pid, eid string, p int, at time.Time) encounterRecords {
	minutes := func(m int) time.Time { return at.Add(time.Duration(m) * time.Minute) }
	var r encounterRecords
	r.opened = contracts.EncounterState{PatientID: pid, EncounterID: eid, ArrivedAt: at, Status: contracts.EncounterStatusOpen,
		Reason: complaints[p%len(complaints)] + " since the morning",
		Patient: contracts.Patient{ID: pid, Name: givenNames[p%len(givenNames)] + " " + familyNames[p%len(familyNames)] + " " + familyNames[(p/7)%len(familyNames)],
			BirthDate: fmt.Sprintf("%d-%02d-%02d", 1940+p%60, 1+p%12, 1+p%28), Sex: []string{"female", "male"}[p%2]}}
	r.triaged = r.opened
	r.triaged.Triage = &contracts.TriageAssessment{Acuity: 2 + p%4, ChiefComplaint: complaints[p%len(complaints)], NurseID: "N-17", AssessedAt: minutes(5),
		Vitals: contracts.Vitals{HeartRate: 60 + p%50, Systolic: 100 + p%60, Diastolic: 60 + p%30, RespiratoryRate: 12 + p%12, TemperatureC: 36.5, SpO2: 90 + p%10, PainScore: p % 11}}
	r.closed = r.triaged
	r.closed.Status, r.closed.Disposition = contracts.EncounterStatusClosed, contracts.Dispositions[p%len(contracts.Dispositions)]
	closedAt := minutes(180)
	r.closed.ClosedAt = &closedAt

	r.prescription = contracts.PrescriptionState{PatientID: pid, EncounterID: eid, PrescriptionID: "RX-" + eid, Status: contracts.PrescriptionStatusActive,
		IssuedAt: minutes(15), Prescriber: contracts.Prescriber{ID: "PR-1", Name: "Dr. João Silva", Specialty: "Cardiology", License: "CRM12345"},
		Items: []contracts.PrescriptionItem{
			{MedicationCode: "ASA100", MedicationName: "Aspirin 100 mg", MedicationClass: "antiplatelet", Dose: "100mg", Route: "oral", Frequency: "once daily", Times: []string{"08:00"}},
			{MedicationCode: "PCM500", MedicationName: "Paracetamol 500 mg", MedicationClass: "analgesic", Dose: "500mg", Route: "oral", Frequency: "every 8 hours", Times: []string{"06:00", "14:00", "22:00"}},
		}}

	r.lab[0] = contracts.LabOrderState{PatientID: pid, EncounterID: eid, OrderID: "LO-" + eid, OrderedBy: "PR-1", OrderedAt: minutes(20),
		Tests: []contracts.LabTest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}}}
	r.lab[1] = r.lab[0]
	r.lab[1].Results = []contracts.LabResult{labResult("718-7", "Hemoglobin", 11+float64(p%60)/10, "g/dL", 12, 16, minutes(50))}
	r.lab[2] = r.lab[1]
	r.lab[2].Results = append(r.lab[1].Results[:1:1], labResult("2823-3", "Potassium", 3+float64(p%30)/10, "mmol/L", 3.5, 5.1, minutes(55)))

	r.imaging[0] = contracts.ImagingStudyState{PatientID: pid, EncounterID: eid, StudyID: "IS-" + eid, Status: contracts.StudyStatusOrdered,
		Modality: contracts.Modalities[p%len(contracts.Modalities)], ProcedureCode: "CTCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: minutes(25)}
	r.imaging[1] = r.imaging[0]
	performed := minutes(60)
	r.imaging[1].Status, r.imaging[1].StudyInstanceUID, r.imaging[1].Technologist, r.imaging[1].PerformedAt =
		contracts.StudyStatusPerformed, fmt.Sprintf("1.2.840.113619.2.55.3.%d", p), "T-3", &performed
	r.imaging[2] = r.imaging[1]
	r.imaging[2].Status = contracts.StudyStatusReported
	r.imaging[2].Report = &contracts.ImagingReport{Findings: "No pulmonary embolism. Small bilateral pleural effusions.",
		Impression: "No acute findings.", Radiologist: "RAD-2", Status: contracts.ReportStatusFinal, FinalizedAt: minutes(100)}
	return r
}

func labResult(code, name string, value float64, unit string, low, high float64, at time.Time) contracts.LabResult {
	interpretation := "N"
	switch {
	case value < low:
		interpretation = "L"
	case value > high:
		interpretation = "H"
	}
	return contracts.LabResult{Code: code, Name: name, Value: value, Unit: unit, Interpretation: interpretation,
		ReferenceRange: contracts.ReferenceRange{Low: &low, High: &high}, Status: contracts.ResultStatusFinal, Performer: "LAB-7", ResultedAt: at}
}
