package encounter

import (
	"slices"
	"time"
)

// Sexes a patient may be recorded with (administrative sex, as in FHIR).
var Sexes = []string{"female", "male", "other", "unknown"}

// earliestBirth bounds birth dates: nobody alive was born before it.
var earliestBirth = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// Patient is the demographic snapshot recorded at arrival.
type Patient struct {
	id        string
	name      string
	birthDate time.Time // a date, at midnight UTC
	sex       string
}

// PatientInput is the raw patient NewPatient validates.
type PatientInput struct {
	ID, Name  string
	BirthDate string // YYYY-MM-DD
	Sex       string
}

// NewPatient validates a patient: birthDate is YYYY-MM-DD, not before 1900
// and not after today (unless now is zero).
func NewPatient(in PatientInput, now time.Time) (Patient, error) {
	var c checker
	c.id("id", in.ID)
	c.text("name", in.Name, maxNameLen, true)
	born, err := time.Parse(time.DateOnly, in.BirthDate)
	switch {
	case in.BirthDate == "":
		c.add("birthDate", "is required")
	case err != nil:
		c.add("birthDate", "must be a date as YYYY-MM-DD")
	case born.Before(earliestBirth):
		c.add("birthDate", "must not be before 1900-01-01")
	case !now.IsZero() && born.After(now.UTC()):
		c.add("birthDate", "must not be in the future")
	}
	if !slices.Contains(Sexes, in.Sex) {
		c.add("sex", "must be one of female, male, other, unknown")
	}
	if err := c.err(); err != nil {
		return Patient{}, err
	}
	return Patient{id: in.ID, name: in.Name, birthDate: born, sex: in.Sex}, nil
}

// ID is the patient id, the same across all services.
func (p Patient) ID() string { return p.id }

// Name is the patient's name.
func (p Patient) Name() string { return p.name }

// BirthDate is the date of birth, as YYYY-MM-DD.
func (p Patient) BirthDate() string { return p.birthDate.Format(time.DateOnly) }

// Sex is one of [Sexes].
func (p Patient) Sex() string { return p.sex }
