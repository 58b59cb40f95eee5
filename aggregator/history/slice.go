package history

import "github.com/prontuario/prontuario/contracts"

// Slice is the part of the history one event touches: the patient's
// document and the document of the encounter the event belongs to. An event
// always belongs to exactly one patient and one encounter.
//
// A store loads the two documents by the event's ids (using NewPatient and
// NewEncounter for those not stored yet), calls Apply and saves both.
type Slice struct {
	Patient   Patient
	Encounter Encounter
}

// NewSlice returns the slice of a patient and an encounter that are both
// unknown: no demographics, no records, status UNKNOWN.
func NewSlice(patientID, encounterID string) Slice {
	return Slice{Patient: NewPatient(patientID), Encounter: NewEncounter(patientID, encounterID)}
}

// NewPatient returns the document of a patient no event has been applied to.
func NewPatient(id string) Patient {
	return Patient{ID: id, EncounterIDs: []string{}}
}

// NewEncounter returns the document of an encounter no event has been
// applied to: UNKNOWN, missing both the encounter record and the triage.
func NewEncounter(patientID, encounterID string) Encounter {
	e := Encounter{ID: encounterID, PatientID: patientID}
	return derive(e)
}

// belongs checks that the event is about this slice's patient and encounter,
// and that the encounter is not already another patient's.
func (s Slice) belongs(e contracts.Event) error {
	if e.PatientID != s.Patient.ID || e.EncounterID != s.Encounter.ID {
		return &MismatchError{
			EventID:          e.ID,
			EventPatientID:   e.PatientID,
			EventEncounterID: e.EncounterID,
			SlicePatientID:   s.Patient.ID,
			SliceEncounterID: s.Encounter.ID,
		}
	}
	if owner := s.Encounter.PatientID; owner != "" && owner != e.PatientID {
		return &ConflictError{
			EventID:           e.ID,
			EncounterID:       e.EncounterID,
			DocumentPatientID: owner,
			EventPatientID:    e.PatientID,
		}
	}
	return nil
}
