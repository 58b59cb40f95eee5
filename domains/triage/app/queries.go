package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

// EncounterHandler reads one encounter.
type EncounterHandler struct {
	store Store
}

// Handle returns the encounter, or an error wrapping encounter.ErrNotFound.
func (h EncounterHandler) Handle(ctx context.Context, id string) (*encounter.Encounter, error) {
	e, err := h.store.Encounter(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get encounter %s: %w", id, err)
	}
	return e, nil
}

// PatientEncountersHandler lists a patient's encounters.
type PatientEncountersHandler struct {
	store Store
}

// Handle returns the patient's encounters by arrival; an unknown patient
// has none.
func (h PatientEncountersHandler) Handle(ctx context.Context, patientID string) ([]*encounter.Encounter, error) {
	es, err := h.store.PatientEncounters(ctx, patientID)
	if err != nil {
		return nil, fmt.Errorf("list encounters of patient %s: %w", patientID, err)
	}
	return es, nil
}
