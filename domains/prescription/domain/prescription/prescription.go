package prescription

import (
	"fmt"
	"slices"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Prescription is a prescription record: issued once by an active,
// authorized prescriber, then possibly cancelled once. Its version starts
// at 1 and grows by one with every change.
type Prescription struct {
	state   contracts.PrescriptionState
	version int64
}

// IssueRequest is a prescriber's request to issue a prescription.
type IssueRequest struct {
	PatientID    string
	EncounterID  string
	PrescriberID string
	Items        []ItemRequest
	IssuedAt     time.Time
}

// Issue validates req against the formulary and returns the new
// prescription, at version 1, with the prescriber's snapshot and each
// medication's name and class. It reports every problem at once in a
// *ValidationError: an unknown (ErrUnknownPrescriber) or inactive
// (ErrInactivePrescriber) prescriber, a medication not in the formulary
// (ErrNotInFormulary) or of a class the specialty may not prescribe
// (ErrNotAuthorized), a repeated medication, and any missing or malformed
// field.
func Issue(id string, req IssueRequest, f Formulary) (*Prescription, error) {
	var c checker
	c.id("id", id)
	c.id("patientId", req.PatientID)
	c.id("encounterId", req.EncounterID)
	c.id("prescriberId", req.PrescriberID)
	var specialty string
	switch p := f.prescriber; {
	case req.PrescriberID == "":
	case p == nil || p.id != req.PrescriberID:
		c.add("prescriberId", ErrUnknownPrescriber, "prescriber %q is not in the catalog", req.PrescriberID)
	case !p.active:
		c.add("prescriberId", ErrInactivePrescriber, "prescriber %s is inactive", p.id)
	default:
		specialty = p.specialty
	}
	switch {
	case len(req.Items) == 0:
		c.add("items", nil, "must list at least one medication")
	case len(req.Items) > MaxItems:
		c.add("items", nil, "must list at most %d medications", MaxItems)
	}
	items := make([]contracts.PrescriptionItem, 0, len(req.Items))
	for i, r := range req.Items {
		if len(req.Items) > MaxItems {
			break // rejected as a whole above; checking each would only add noise
		}
		if j := slices.IndexFunc(req.Items[:i], func(o ItemRequest) bool { return o.MedicationCode == r.MedicationCode }); j >= 0 && r.MedicationCode != "" {
			c.add(fmt.Sprintf("items[%d].medicationCode", i), nil, "repeats the medication of items[%d]", j)
		}
		items = append(items, f.item(&c, i, r, specialty))
	}
	c.time("issuedAt", req.IssuedAt)
	if err := c.err(); err != nil {
		return nil, err
	}
	p := f.prescriber
	return &Prescription{version: 1, state: contracts.PrescriptionState{
		PatientID:      req.PatientID,
		EncounterID:    req.EncounterID,
		PrescriptionID: id,
		Status:         contracts.PrescriptionStatusActive,
		IssuedAt:       req.IssuedAt.UTC(),
		Prescriber:     contracts.Prescriber{ID: p.id, Name: p.name, Specialty: p.specialty, License: p.license},
		Items:          items,
	}}, nil
}

// ID is the prescription's id.
func (p *Prescription) ID() string { return p.state.PrescriptionID }

// PatientID is the id of the patient the prescription is for.
func (p *Prescription) PatientID() string { return p.state.PatientID }

// Version is 1 when issued and grows by one with every change.
func (p *Prescription) Version() int64 { return p.version }

// Cancelled reports whether the prescription was cancelled.
func (p *Prescription) Cancelled() bool { return p.state.Cancellation != nil }

// State returns a copy of the prescription's full state, as published.
func (p *Prescription) State() contracts.PrescriptionState {
	s := p.state
	s.Items = slices.Clone(s.Items)
	for i := range s.Items {
		s.Items[i].Times = slices.Clone(s.Items[i].Times)
	}
	if s.Cancellation != nil {
		c := *s.Cancellation
		s.Cancellation = &c
	}
	return s
}
