package encounter

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// State is the encounter's full state as its events carry it.
func (e *Encounter) State() contracts.EncounterState {
	s := contracts.EncounterState{
		PatientID:   e.patient.id,
		EncounterID: e.id,
		Patient: contracts.Patient{
			ID: e.patient.id, Name: e.patient.name, BirthDate: e.patient.BirthDate(), Sex: e.patient.sex,
		},
		ArrivedAt:   e.arrivedAt,
		Reason:      e.reason,
		Status:      e.status,
		Disposition: e.disposition,
	}
	if e.triage != nil {
		t := e.triage.state()
		s.Triage = &t
	}
	for _, a := range e.superseded {
		s.SupersededTriage = append(s.SupersededTriage, a.state())
	}
	if !e.closedAt.IsZero() {
		closed := e.closedAt
		s.ClosedAt = &closed
	}
	return s
}

func (a Assessment) state() contracts.TriageAssessment {
	v := a.vitals
	return contracts.TriageAssessment{
		Acuity: a.acuity, ChiefComplaint: a.chiefComplaint, NurseID: a.nurseID, AssessedAt: a.assessedAt,
		Vitals: contracts.Vitals{
			HeartRate: v.heartRate, Systolic: v.systolic, Diastolic: v.diastolic, RespiratoryRate: v.respiratoryRate,
			TemperatureC: v.temperatureC, SpO2: v.spo2, PainScore: v.painScore,
		},
	}
}

// Restore rebuilds an encounter from its stored state and version. It
// re-validates what it can, so a corrupt row is an error, not a bad event.
func Restore(s contracts.EncounterState, version int64) (*Encounter, error) {
	var now time.Time // zero: stored data is not checked against the clock
	patient, err := NewPatient(PatientInput{ID: s.Patient.ID, Name: s.Patient.Name, BirthDate: s.Patient.BirthDate, Sex: s.Patient.Sex}, now)
	if err != nil {
		return nil, fmt.Errorf("restore encounter %s: patient: %w", s.EncounterID, err)
	}
	e := &Encounter{
		id: s.EncounterID, patient: patient, arrivedAt: s.ArrivedAt.UTC(), reason: s.Reason,
		status: s.Status, disposition: s.Disposition, version: version,
	}
	if s.Triage != nil {
		a, err := restoreAssessment(*s.Triage, now)
		if err != nil {
			return nil, fmt.Errorf("restore encounter %s: triage: %w", s.EncounterID, err)
		}
		e.triage = &a
	}
	for i, t := range s.SupersededTriage {
		a, err := restoreAssessment(t, now)
		if err != nil {
			return nil, fmt.Errorf("restore encounter %s: superseded triage %d: %w", s.EncounterID, i, err)
		}
		e.superseded = append(e.superseded, a)
	}
	if s.ClosedAt != nil {
		e.closedAt = s.ClosedAt.UTC()
	}
	if s.PatientID != s.Patient.ID || version < 1 || (e.status != StatusOpen && e.status != StatusClosed) ||
		(e.status == StatusClosed) == e.closedAt.IsZero() {
		return nil, fmt.Errorf("restore encounter %s: inconsistent state (status %q, version %d)", s.EncounterID, s.Status, version)
	}
	return e, nil
}

func restoreAssessment(t contracts.TriageAssessment, now time.Time) (Assessment, error) {
	v := t.Vitals
	return NewAssessment(AssessmentInput{
		Acuity: t.Acuity, ChiefComplaint: t.ChiefComplaint, NurseID: t.NurseID, AssessedAt: t.AssessedAt,
		Vitals: VitalsInput{
			HeartRate: v.HeartRate, Systolic: v.Systolic, Diastolic: v.Diastolic, RespiratoryRate: v.RespiratoryRate,
			TemperatureC: v.TemperatureC, SpO2: v.SpO2, PainScore: v.PainScore,
		},
	}, now)
}
