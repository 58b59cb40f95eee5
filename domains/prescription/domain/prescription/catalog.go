package prescription

import "strings"

// Prescriber is a clinician in the catalog. Only an active prescriber may
// issue prescriptions, and only for the medication classes their specialty
// is authorized for.
type Prescriber struct {
	id, name, specialty, license string
	active                       bool
}

// NewPrescriber validates and builds a prescriber.
func NewPrescriber(id, name, specialty, license string, active bool) (Prescriber, error) {
	var c checker
	c.id("id", id)
	c.text("name", name, maxTextLen)
	c.text("specialty", specialty, maxIDLen)
	c.id("license", license)
	if err := c.err(); err != nil {
		return Prescriber{}, err
	}
	return Prescriber{id: id, name: name, specialty: specialty, license: license, active: active}, nil
}

// ID is the prescriber's catalog id.
func (p Prescriber) ID() string { return p.id }

// Name is the prescriber's display name.
func (p Prescriber) Name() string { return p.name }

// Specialty decides which medication classes the prescriber may prescribe.
func (p Prescriber) Specialty() string { return p.specialty }

// License is the professional license number (e.g. "CRM12345").
func (p Prescriber) License() string { return p.license }

// Active reports whether the prescriber may issue prescriptions.
func (p Prescriber) Active() bool { return p.active }

// Medication is an entry of the formulary.
type Medication struct {
	code, name, class string
}

// NewMedication validates and builds a formulary entry. The class is what
// authorizations refer to (e.g. "antiplatelet", "opioid analgesic").
func NewMedication(code, name, class string) (Medication, error) {
	var c checker
	c.id("code", code)
	if len(code) > maxCodeLen {
		c.add("code", nil, "must be at most %d characters", maxCodeLen)
	}
	c.text("name", name, maxTextLen)
	c.text("class", class, maxIDLen)
	if err := c.err(); err != nil {
		return Medication{}, err
	}
	return Medication{code: code, name: name, class: class}, nil
}

// Code identifies the medication in the formulary.
func (m Medication) Code() string { return m.code }

// Name is the medication's display name.
func (m Medication) Name() string { return m.name }

// Class is the medication class authorizations refer to.
func (m Medication) Class() string { return m.class }

// Authorization says that prescribers of a specialty may prescribe
// medications of a class. Both are matched without regard to case or
// surrounding spaces.
type Authorization struct {
	specialty, medicationClass string
}

// NewAuthorization validates and builds an authorization.
func NewAuthorization(specialty, medicationClass string) (Authorization, error) {
	var c checker
	c.text("specialty", specialty, maxIDLen)
	c.text("medicationClass", medicationClass, maxIDLen)
	if err := c.err(); err != nil {
		return Authorization{}, err
	}
	return Authorization{specialty: specialty, medicationClass: medicationClass}, nil
}

// Specialty is the authorized specialty.
func (a Authorization) Specialty() string { return a.specialty }

// MedicationClass is the class the specialty may prescribe.
func (a Authorization) MedicationClass() string { return a.medicationClass }

// Key identifies the authorization: two authorizations with the same key
// are the same one.
func (a Authorization) Key() string {
	return Fold(a.specialty) + "\x00" + Fold(a.medicationClass)
}

// Fold is the form in which specialties and medication classes are
// compared: lower case, without surrounding spaces.
func Fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
