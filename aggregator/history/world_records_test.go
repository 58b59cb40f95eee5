package history

import (
	"time"

	"pgregory.net/rapid"

	"github.com/prontuario/prontuario/contracts"
)

// patientNames are the names a patient is registered under over the years.
var patientNames = []string{"Maria Oliveira", "Maria Oliveira Santos", "Maria O. Santos"}

// genVisit draws an encounter's life: opened, triaged up to twice, maybe closed.
func genVisit(t *rapid.T, patientID, encounterID string, arrivedAt time.Time) []step {
	v := visit(patientID, encounterID, arrivedAt)
	v.Patient.Name = rapid.SampledFrom(patientNames).Draw(t, "name")
	steps := []step{{contracts.EncounterOpened{EncounterState: v}, nurse}}
	for i := range rapid.IntRange(0, 2).Draw(t, "triages") {
		v = triaged(v, 1+i, arrivedAt.Add(time.Duration(10*(i+1))*time.Minute))
		steps = append(steps, step{contracts.TriageRecorded{EncounterState: v}, nurse})
	}
	if rapid.Bool().Draw(t, "closes") {
		steps = append(steps, step{contracts.EncounterClosed{EncounterState: closed(v, arrivedAt.Add(4*time.Hour))}, physician})
	}
	return steps
}

// genPrescription draws a prescription issued and maybe cancelled.
func genPrescription(t *rapid.T, rx contracts.PrescriptionState) []step {
	steps := []step{{contracts.PrescriptionIssued{PrescriptionState: rx}, physician}}
	if rapid.Bool().Draw(t, "cancelled") {
		steps = append(steps, step{contracts.PrescriptionCancelled{PrescriptionState: cancelled(rx, rx.IssuedAt.Add(time.Hour))}, physician})
	}
	return steps
}

// genLabOrder draws an order and, per test, a result path: none,
// preliminary, preliminary then final, final then corrected, or final then
// entered in error.
func genLabOrder(t *rapid.T, lo contracts.LabOrderState) []step {
	steps := []step{{contracts.LabOrderPlaced{LabOrderState: lo}, physician}}
	when := lo.OrderedAt
	record := func(code, status string, value float64) {
		when = when.Add(20 * time.Minute)
		lo = withResult(lo, code, status, value, when)
		steps = append(steps, step{contracts.LabResultRecorded{LabOrderState: lo, ResultCode: code}, labtech})
	}
	for _, code := range []string{hemoglobin, potassium} {
		switch rapid.IntRange(0, 4).Draw(t, "resultPath") {
		case 1:
			record(code, contracts.ResultStatusPreliminary, 4.8)
		case 2:
			record(code, contracts.ResultStatusPreliminary, 4.8)
			record(code, contracts.ResultStatusFinal, 4.9)
		case 3:
			record(code, contracts.ResultStatusFinal, 5.9)
			lo = corrected(lo, code, 4.2, when.Add(time.Hour))
			steps = append(steps, step{contracts.LabResultCorrected{LabOrderState: lo, ResultCode: code}, labtech})
		case 4:
			record(code, contracts.ResultStatusFinal, 5.9)
			record(code, contracts.ResultStatusEnteredInError, 5.9)
		}
	}
	return steps
}

// genImaging draws a study ordered, then maybe performed, reported, amended.
func genImaging(t *rapid.T, st contracts.ImagingStudyState) []step {
	steps := []step{{contracts.ImagingStudyOrdered{ImagingStudyState: st}, physician}}
	n := rapid.IntRange(0, 3).Draw(t, "imagingSteps")
	if n >= 1 {
		st = performed(st, st.OrderedAt.Add(30*time.Minute))
		steps = append(steps, step{contracts.ImagingStudyPerformed{ImagingStudyState: st}, physician})
	}
	if n >= 2 {
		st = reported(st, st.OrderedAt.Add(90*time.Minute))
		steps = append(steps, step{contracts.ImagingReportFinalized{ImagingStudyState: st}, radiologist})
	}
	if n >= 3 {
		st = amended(st, st.OrderedAt.Add(3*time.Hour))
		steps = append(steps, step{contracts.ImagingReportAmended{ImagingStudyState: st}, radiologist})
	}
	return steps
}
