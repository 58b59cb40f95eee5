package app

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

// RecordTriage records a triage assessment; a re-triage supersedes the
// current one.
type RecordTriage struct {
	EncounterID string
	Assessment  encounter.AssessmentInput
}

// RecordTriageHandler handles RecordTriage.
type RecordTriageHandler struct {
	store Store
	now   func() time.Time
}

// Handle triages the encounter and emits TriageRecorded.
func (h RecordTriageHandler) Handle(ctx context.Context, cmd RecordTriage) (Receipt, error) {
	var ev contracts.Event
	err := h.store.Update(ctx, cmd.EncounterID, func(e *encounter.Encounter) (contracts.Event, error) {
		if err := e.RecordTriage(cmd.Assessment, h.now()); err != nil {
			return contracts.Event{}, err
		}
		a, _ := e.Triage()
		var err error
		ev, err = newEvent(contracts.TriageRecorded{EncounterState: e.State()}, a.AssessedAt(), e.Version(), actor(RoleNurse, a.NurseID()), h.now)
		return ev, err
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("record triage of encounter %s: %w", cmd.EncounterID, err)
	}
	return NewReceipt(ev), nil
}
