package history

import (
	"fmt"

	"github.com/prontuario/prontuario/contracts"
)

// stateOf returns the record state a payload carries: a
// contracts.EncounterState, PrescriptionState, LabOrderState or
// ImagingStudyState. Every payload embeds exactly one of them.
func stateOf(p contracts.Payload) (any, bool) {
	switch p := p.(type) {
	case contracts.EncounterOpened:
		return p.EncounterState, true
	case contracts.TriageRecorded:
		return p.EncounterState, true
	case contracts.EncounterClosed:
		return p.EncounterState, true
	case contracts.PrescriptionIssued:
		return p.PrescriptionState, true
	case contracts.PrescriptionCancelled:
		return p.PrescriptionState, true
	case contracts.LabOrderPlaced:
		return p.LabOrderState, true
	case contracts.LabResultRecorded:
		return p.LabOrderState, true
	case contracts.LabResultCorrected:
		return p.LabOrderState, true
	case contracts.ImagingStudyOrdered:
		return p.ImagingStudyState, true
	case contracts.ImagingStudyPerformed:
		return p.ImagingStudyState, true
	case contracts.ImagingReportFinalized:
		return p.ImagingStudyState, true
	case contracts.ImagingReportAmended:
		return p.ImagingStudyState, true
	}
	return nil, false
}

// keysOf returns the patient, encounter and record ids a state carries.
func keysOf(state any) (patientID, encounterID, recordID string) {
	switch s := state.(type) {
	case contracts.EncounterState:
		return s.PatientID, s.EncounterID, s.EncounterID
	case contracts.PrescriptionState:
		return s.PatientID, s.EncounterID, s.PrescriptionID
	case contracts.LabOrderState:
		return s.PatientID, s.EncounterID, s.OrderID
	case contracts.ImagingStudyState:
		return s.PatientID, s.EncounterID, s.StudyID
	}
	return "", "", ""
}

// validate checks what the projection relies on and returns the state the
// event carries. contracts.Decode already guarantees all of it for decoded
// messages; validate also guards deliveries built in code.
func validate(e contracts.Event) (any, error) {
	invalid := func(format string, args ...any) error {
		return &InvalidDeliveryError{EventID: e.ID, Reason: fmt.Sprintf(format, args...)}
	}
	if e.Payload == nil {
		return nil, invalid("event %s has no payload", e.Type)
	}
	state, ok := stateOf(e.Payload)
	if !ok {
		return nil, invalid("unsupported payload type %T", e.Payload)
	}
	patientID, encounterID, recordID := keysOf(state)
	switch {
	case e.ID == "":
		return nil, invalid("event has no id")
	case e.Payload.EventType() != e.Type:
		return nil, invalid("payload is a %s but the event says %s", e.Payload.EventType(), e.Type)
	case e.AggregateVersion < 1:
		return nil, invalid("aggregate version %d is not >= 1", e.AggregateVersion)
	case e.OccurredAt.IsZero():
		return nil, invalid("event has no occurrence time")
	case e.PatientID != patientID || e.EncounterID != encounterID || e.AggregateID != recordID:
		return nil, invalid("envelope (patient %q, encounter %q, record %q) contradicts the payload (patient %q, encounter %q, record %q)",
			e.PatientID, e.EncounterID, e.AggregateID, patientID, encounterID, recordID)
	}
	if s, ok := state.(contracts.EncounterState); ok {
		if s.Patient.ID != s.PatientID {
			return nil, invalid("patient snapshot id %q differs from patientId %q", s.Patient.ID, s.PatientID)
		}
		if s.Status != contracts.EncounterStatusOpen && s.Status != contracts.EncounterStatusClosed {
			return nil, invalid("encounter status %q is neither %q nor %q", s.Status, contracts.EncounterStatusOpen, contracts.EncounterStatusClosed)
		}
	}
	return state, nil
}
