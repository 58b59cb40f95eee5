package contracts

// EventType names a kind of domain event, without its version.
type EventType string

// Every event type, version 1. The set may grow; it never shrinks.
const (
	TypeEncounterOpened        EventType = "EncounterOpened"
	TypeTriageRecorded         EventType = "TriageRecorded"
	TypeEncounterClosed        EventType = "EncounterClosed"
	TypePrescriptionIssued     EventType = "PrescriptionIssued"
	TypePrescriptionCancelled  EventType = "PrescriptionCancelled"
	TypeLabOrderPlaced         EventType = "LabOrderPlaced"
	TypeLabResultRecorded      EventType = "LabResultRecorded"
	TypeLabResultCorrected     EventType = "LabResultCorrected"
	TypeImagingStudyOrdered    EventType = "ImagingStudyOrdered"
	TypeImagingStudyPerformed  EventType = "ImagingStudyPerformed"
	TypeImagingReportFinalized EventType = "ImagingReportFinalized"
	TypeImagingReportAmended   EventType = "ImagingReportAmended"
)

// Payload is the body of an event: the full state of its source record after
// the change. Only the types of this package implement it.
type Payload interface {
	// EventType is the type of event this payload is the body of.
	EventType() EventType
	keys() recordKeys
}

// recordKeys are the identifiers every payload carries.
type recordKeys struct {
	patientID, encounterID, aggregateID string
}

func (s EncounterState) keys() recordKeys {
	return recordKeys{s.PatientID, s.EncounterID, s.EncounterID}
}

func (s PrescriptionState) keys() recordKeys {
	return recordKeys{s.PatientID, s.EncounterID, s.PrescriptionID}
}

func (s LabOrderState) keys() recordKeys {
	return recordKeys{s.PatientID, s.EncounterID, s.OrderID}
}

func (s ImagingStudyState) keys() recordKeys {
	return recordKeys{s.PatientID, s.EncounterID, s.StudyID}
}

// EncounterOpened: an encounter was opened at the patient's arrival.
type EncounterOpened struct{ EncounterState }

// TriageRecorded: a triage assessment was recorded; a re-triage supersedes the
// previous assessment, which moves to SupersededTriage.
type TriageRecorded struct{ EncounterState }

// EncounterClosed: the encounter was closed with a disposition.
type EncounterClosed struct{ EncounterState }

// PrescriptionIssued: a prescription was issued.
type PrescriptionIssued struct{ PrescriptionState }

// PrescriptionCancelled: a prescription was cancelled.
type PrescriptionCancelled struct{ PrescriptionState }

// LabOrderPlaced: a lab order was placed.
type LabOrderPlaced struct{ LabOrderState }

// LabResultRecorded: a result was recorded for one of the order's tests.
type LabResultRecorded struct {
	LabOrderState
	// ResultCode is the LOINC code of the result this event recorded.
	ResultCode string `json:"resultCode"`
}

// LabResultCorrected: a result was corrected; the superseded value is kept in
// the result's Corrections.
type LabResultCorrected struct {
	LabOrderState
	// ResultCode is the LOINC code of the result this event corrected.
	ResultCode string `json:"resultCode"`
}

// ImagingStudyOrdered: an imaging study was ordered.
type ImagingStudyOrdered struct{ ImagingStudyState }

// ImagingStudyPerformed: the study was performed.
type ImagingStudyPerformed struct{ ImagingStudyState }

// ImagingReportFinalized: the radiologist's report was finalized.
type ImagingReportFinalized struct{ ImagingStudyState }

// ImagingReportAmended: the report was amended; the superseded text is kept in
// the report's Amendments.
type ImagingReportAmended struct{ ImagingStudyState }

// EventType implements Payload.
func (EncounterOpened) EventType() EventType { return TypeEncounterOpened }

// EventType implements Payload.
func (TriageRecorded) EventType() EventType { return TypeTriageRecorded }

// EventType implements Payload.
func (EncounterClosed) EventType() EventType { return TypeEncounterClosed }

// EventType implements Payload.
func (PrescriptionIssued) EventType() EventType { return TypePrescriptionIssued }

// EventType implements Payload.
func (PrescriptionCancelled) EventType() EventType { return TypePrescriptionCancelled }

// EventType implements Payload.
func (LabOrderPlaced) EventType() EventType { return TypeLabOrderPlaced }

// EventType implements Payload.
func (LabResultRecorded) EventType() EventType { return TypeLabResultRecorded }

// EventType implements Payload.
func (LabResultCorrected) EventType() EventType { return TypeLabResultCorrected }

// EventType implements Payload.
func (ImagingStudyOrdered) EventType() EventType { return TypeImagingStudyOrdered }

// EventType implements Payload.
func (ImagingStudyPerformed) EventType() EventType { return TypeImagingStudyPerformed }

// EventType implements Payload.
func (ImagingReportFinalized) EventType() EventType { return TypeImagingReportFinalized }

// EventType implements Payload.
func (ImagingReportAmended) EventType() EventType { return TypeImagingReportAmended }
