package history

import (
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Apply folds one delivery into the slice of history it touches and returns
// the new slice. It is the whole projection: pure (no I/O, no clock, no
// randomness), it never modifies s (what changes is copied), and it is safe
// to call concurrently.
//
// The record the event carries is merged into its last-version-wins register
// (the encounter's Visit, or its prescription, lab order or imaging study);
// then the encounter's status, missing parts and sort time are recomputed
// from the document, and the patient's encounter list, demographics and
// update times are merged. Folding any set of deliveries, in any order and
// with any duplicates, gives the same documents except for IngestedAt, and
// re-applying a delivery already applied changes nothing at all.
//
// Errors: *InvalidDeliveryError and *ConflictError are poison (see
// PoisonKind); *MismatchError means s is not the event's slice. On error s is
// returned unchanged.
func Apply(s Slice, d Delivery) (Slice, error) {
	state, err := validate(d.Event)
	if err != nil {
		return s, err
	}
	if err := s.belongs(d.Event); err != nil {
		return s, err
	}
	p := ProvenanceOf(d)
	enc := s.Encounter
	switch st := state.(type) {
	case contracts.EncounterState:
		enc.Visit = mergeVisit(enc.Visit, st.EncounterID, Version[contracts.EncounterState]{State: st, Provenance: p})
	case contracts.PrescriptionState:
		enc.Prescriptions = upsert(enc.Prescriptions, st.PrescriptionID, Version[contracts.PrescriptionState]{State: st, Provenance: p})
	case contracts.LabOrderState:
		enc.LabOrders = upsert(enc.LabOrders, st.OrderID, Version[contracts.LabOrderState]{State: st, Provenance: p})
	case contracts.ImagingStudyState:
		enc.ImagingStudies = upsert(enc.ImagingStudies, st.StudyID, Version[contracts.ImagingStudyState]{State: st, Provenance: p})
	}
	enc.PatientID = d.Event.PatientID
	enc.UpdatedAt = latest(enc.UpdatedAt, p.OccurredAt)
	enc = derive(enc)

	pat := s.Patient
	pat.EncounterIDs = insertSorted(pat.EncounterIDs, enc.ID)
	pat.UpdatedAt = latest(pat.UpdatedAt, p.OccurredAt)
	if st, ok := state.(contracts.EncounterState); ok {
		pat.Demographics = newestDemographics(pat.Demographics, st.Patient, p)
	}
	return Slice{Patient: pat, Encounter: enc}, nil
}

// mergeVisit merges v into the encounter record, creating it when absent.
func mergeVisit(visit *Record[contracts.EncounterState], id string, v Version[contracts.EncounterState]) *Record[contracts.EncounterState] {
	r := Record[contracts.EncounterState]{ID: id, Current: v}
	if visit != nil {
		r = merge(*visit, v)
	}
	return &r
}

// latest returns the later of two instants, in UTC.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b.UTC()
	}
	return a.UTC()
}
