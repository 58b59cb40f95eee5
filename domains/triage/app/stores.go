package app

import (
	"context"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

// Store keeps encounters together with their events: every method that
// writes stores the encounter and its event in one transaction, both or
// neither, and saves the change's [Receipt] for the request's
// Idempotency-Key, if any, in that same transaction.
type Store interface {
	// Add stores a new encounter and its first event; an existing id is
	// an error wrapping encounter.ErrAlreadyExists.
	Add(ctx context.Context, e *encounter.Encounter, ev contracts.Event) error
	// Update loads the encounter, calls change on it, and stores the
	// changed encounter and the event change returns. An error from change
	// is returned as is and nothing is written; an unknown id is an error
	// wrapping encounter.ErrNotFound.
	Update(ctx context.Context, id string, change func(*encounter.Encounter) (contracts.Event, error)) error
	// Encounter returns one encounter, or an error wrapping encounter.ErrNotFound.
	Encounter(ctx context.Context, id string) (*encounter.Encounter, error)
	// PatientEncounters returns the patient's encounters, by arrival; none is not an error.
	PatientEncounters(ctx context.Context, patientID string) ([]*encounter.Encounter, error)
}
