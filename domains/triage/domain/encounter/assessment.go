package encounter

import "time"

// Acuity levels of the Emergency Severity Index.
const (
	AcuityResuscitation = 1
	AcuityNonUrgent     = 5
)

// Assessment is one triage of an encounter.
type Assessment struct {
	acuity         int
	chiefComplaint string
	vitals         Vitals
	nurseID        string
	assessedAt     time.Time
}

// AssessmentInput is the raw assessment NewAssessment validates.
type AssessmentInput struct {
	Acuity         int
	ChiefComplaint string
	Vitals         VitalsInput
	NurseID        string
	AssessedAt     time.Time
}

// NewAssessment validates an assessment on its own; [Encounter.RecordTriage]
// checks it against the encounter. A zero now skips the check that
// assessedAt is not in the future.
func NewAssessment(in AssessmentInput, now time.Time) (Assessment, error) {
	var c checker
	if in.Acuity < AcuityResuscitation || in.Acuity > AcuityNonUrgent {
		c.add("acuity", "must be an ESI level from 1 (resuscitation) to 5 (non-urgent), got %d", in.Acuity)
	}
	c.text("chiefComplaint", in.ChiefComplaint, maxTextLen, true)
	vitals, err := NewVitals(in.Vitals)
	c.merge("vitals", err)
	c.id("nurseId", in.NurseID)
	c.clinicalTime("assessedAt", in.AssessedAt, time.Time{}, now, "")
	if err := c.err(); err != nil {
		return Assessment{}, err
	}
	return Assessment{
		acuity: in.Acuity, chiefComplaint: in.ChiefComplaint, vitals: vitals,
		nurseID: in.NurseID, assessedAt: in.AssessedAt.UTC(),
	}, nil
}

// Acuity is the ESI level, 1 (most urgent) to 5.
func (a Assessment) Acuity() int { return a.acuity }

// NurseID is who triaged.
func (a Assessment) NurseID() string { return a.nurseID }

// AssessedAt is when the triage happened, in UTC.
func (a Assessment) AssessedAt() time.Time { return a.assessedAt }

// Vitals are the vital signs measured.
func (a Assessment) Vitals() Vitals { return a.vitals }
