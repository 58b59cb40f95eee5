package app

import (
	"context"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// Store keeps studies together with their events: every method that writes
// stores the study and its event in one transaction, both or neither, and
// saves the change's [Receipt] for the request's Idempotency-Key, if any,
// in that same transaction.
type Store interface {
	// Add stores a new study and its first event; an existing id is an
	// error wrapping study.ErrAlreadyExists.
	Add(ctx context.Context, s *study.Study, ev contracts.Event) error
	// Update loads the study, calls change on it, and stores the changed
	// study and the event change returns. An error from change is returned
	// as is and nothing is written; an unknown id is an error wrapping
	// study.ErrNotFound.
	Update(ctx context.Context, id string, change func(*study.Study) (contracts.Event, error)) error
	// Study returns one study, or an error wrapping study.ErrNotFound.
	Study(ctx context.Context, id string) (*study.Study, error)
	// PatientStudies returns the patient's studies by order time; none is not an error.
	PatientStudies(ctx context.Context, patientID string) ([]*study.Study, error)
}
