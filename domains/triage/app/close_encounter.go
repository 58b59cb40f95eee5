package app

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

// CloseEncounter closes an encounter with a disposition.
type CloseEncounter struct {
	EncounterID string
	Close       encounter.CloseInput
}

// CloseEncounterHandler handles CloseEncounter.
type CloseEncounterHandler struct {
	store Store
	now   func() time.Time
}

// Handle closes the encounter and emits EncounterClosed.
func (h CloseEncounterHandler) Handle(ctx context.Context, cmd CloseEncounter) (Receipt, error) {
	var ev contracts.Event
	err := h.store.Update(ctx, cmd.EncounterID, func(e *encounter.Encounter) (contracts.Event, error) {
		if err := e.Close(cmd.Close, h.now()); err != nil {
			return contracts.Event{}, err
		}
		var err error
		ev, err = newEvent(contracts.EncounterClosed{EncounterState: e.State()}, e.ClosedAt(), e.Version(), actor(RolePhysician, cmd.Close.ClosedBy), h.now)
		return ev, err
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("close encounter %s: %w", cmd.EncounterID, err)
	}
	return NewReceipt(ev), nil
}
