package history

import (
	"slices"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// LOINC codes the test lab orders ask for.
const (
	hemoglobin = "718-7"
	potassium  = "2823-3"
)

// labOrder is an order for hemoglobin and potassium, without results.
func labOrder(patientID, encounterID, id string, orderedAt time.Time) contracts.LabOrderState {
	return contracts.LabOrderState{
		PatientID:   patientID,
		EncounterID: encounterID,
		OrderID:     id,
		Tests:       []contracts.LabTest{{Code: hemoglobin, Name: "Hemoglobin"}, {Code: potassium, Name: "Potassium"}},
		OrderedBy:   physician.ID,
		OrderedAt:   orderedAt,
	}
}

// withResult is lo with the result of test code recorded as status (the
// preliminary, final or entered-in-error value).
func withResult(lo contracts.LabOrderState, code, status string, value float64, resultedAt time.Time) contracts.LabOrderState {
	name, unit := "Hemoglobin", "g/dL"
	if code == potassium {
		name, unit = "Potassium", "mmol/L"
	}
	low, high := 3.5, 5.1
	r := contracts.LabResult{Code: code, Name: name, Value: value, Unit: unit,
		ReferenceRange: contracts.ReferenceRange{Low: &low, High: &high}, Interpretation: "N",
		Status: status, Performer: "LAB-7", ResultedAt: resultedAt}
	lo.Results = slices.Clone(lo.Results)
	for i := range lo.Results {
		if lo.Results[i].Code == code {
			r.Corrections = lo.Results[i].Corrections
			lo.Results[i] = r
			return lo
		}
	}
	lo.Results = append(lo.Results, r)
	return lo
}

// corrected is lo with the result of test code corrected to value; the
// previous value is kept in the result's corrections, as the lab does.
func corrected(lo contracts.LabOrderState, code string, value float64, correctedAt time.Time) contracts.LabOrderState {
	lo.Results = slices.Clone(lo.Results)
	for i, r := range lo.Results {
		if r.Code != code {
			continue
		}
		r.Corrections = append(slices.Clone(r.Corrections), contracts.LabCorrection{
			PreviousValue: r.Value, PreviousUnit: r.Unit, Value: value, Unit: r.Unit,
			Reason: "Hemolyzed sample; redrawn", CorrectedBy: labtech.ID, CorrectedAt: correctedAt,
		})
		r.Value = value
		r.Status = contracts.ResultStatusCorrected
		lo.Results[i] = r
	}
	return lo
}

// imagingOrder is a chest CT just ordered.
func imagingOrder(patientID, encounterID, id string, orderedAt time.Time) contracts.ImagingStudyState {
	return contracts.ImagingStudyState{
		PatientID: patientID, EncounterID: encounterID, StudyID: id,
		Status: contracts.StudyStatusOrdered, Modality: "CT", ProcedureCode: "CTCHEST", BodySite: "Chest",
		OrderedBy: physician.ID, OrderedAt: orderedAt,
	}
}

// performed is st after the technologist performed it.
func performed(st contracts.ImagingStudyState, performedAt time.Time) contracts.ImagingStudyState {
	st.Status = contracts.StudyStatusPerformed
	st.StudyInstanceUID = "1.2.840.113619.2.55.3.604688"
	st.Technologist = "T-3"
	st.PerformedAt = &performedAt
	return st
}

// reported is st with its report finalized.
func reported(st contracts.ImagingStudyState, finalizedAt time.Time) contracts.ImagingStudyState {
	st.Status = contracts.StudyStatusReported
	st.Report = &contracts.ImagingReport{Findings: "No pulmonary embolism.", Impression: "Normal CT of the chest.",
		Radiologist: radiologist.ID, Status: contracts.ReportStatusFinal, FinalizedAt: finalizedAt}
	return st
}

// amended is st with its report amended; the previous text is kept.
func amended(st contracts.ImagingStudyState, amendedAt time.Time) contracts.ImagingStudyState {
	r := *st.Report
	r.Amendments = append(slices.Clone(r.Amendments), contracts.ImagingAmendment{
		PreviousFindings: r.Findings, PreviousImpression: r.Impression,
		Reason: "Re-read after comparison", Radiologist: radiologist.ID, AmendedAt: amendedAt,
	})
	r.Findings, r.Impression, r.Status = "Small pleural effusion on the right.", "Small right pleural effusion.", contracts.ReportStatusAmended
	st.Report = &r
	return st
}
