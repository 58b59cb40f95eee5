package app

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

// OpenEncounter registers a patient's arrival.
type OpenEncounter struct {
	// EncounterID is optional; one is generated when empty.
	EncounterID  string
	Patient      encounter.PatientInput
	ArrivedAt    time.Time
	Reason       string
	RegisteredBy string // clerk id, optional
}

// OpenEncounterHandler handles OpenEncounter.
type OpenEncounterHandler struct {
	store Store
	now   func() time.Time
}

// Handle opens the encounter and emits EncounterOpened (version 1).
func (h OpenEncounterHandler) Handle(ctx context.Context, cmd OpenEncounter) (Receipt, error) {
	id := cmd.EncounterID
	if id == "" {
		id = newEncounterID()
	}
	e, err := encounter.Open(encounter.OpenInput{
		ID: id, Patient: cmd.Patient, ArrivedAt: cmd.ArrivedAt, Reason: cmd.Reason, RegisteredBy: cmd.RegisteredBy,
	}, h.now())
	if err != nil {
		return Receipt{}, fmt.Errorf("open encounter: %w", err)
	}
	ev, err := newEvent(contracts.EncounterOpened{EncounterState: e.State()}, e.ArrivedAt(), e.Version(), actor(RoleClerk, cmd.RegisteredBy), h.now)
	if err != nil {
		return Receipt{}, fmt.Errorf("open encounter %s: %w", id, err)
	}
	if err := h.store.Add(ctx, e, ev); err != nil {
		return Receipt{}, fmt.Errorf("open encounter %s: %w", id, err)
	}
	return NewReceipt(ev), nil
}
