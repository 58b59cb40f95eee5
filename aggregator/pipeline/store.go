package pipeline

import (
	"context"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

// Store is what the pipeline needs of a read store: load the documents a
// batch touches, and commit the batch's changes durably (store.ErrConflict
// when another writer changed one of them since Load).
type Store interface {
	Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error)
	Commit(ctx context.Context, b store.Batch) error
}

// GenerationBinder is implemented by a Store that follows the read model's
// active generation (the live aggregator's). The applier calls
// BindGeneration at the start of every batch attempt and loads and commits
// that attempt through the store it returns, bound to one generation: a
// batch resolves the generation once, so it can never load from the old
// generation and commit to the new one across a rebuild's switch. A store
// that is not a GenerationBinder is used as it is (the rebuild's, already
// bound to the generation it builds).
type GenerationBinder interface {
	BindGeneration(ctx context.Context) (Store, error)
}

// PoisonError marks a message that can never be applied, whatever the number
// of retries: the handler dead-letters it and moves on.
type PoisonError struct {
	// Kind is a contracts.Kind* or history.PoisonKind value.
	Kind string
	// Err says why.
	Err error
}

func (e *PoisonError) Error() string { return "poison (" + e.Kind + "): " + e.Err.Error() }

func (e *PoisonError) Unwrap() error { return e.Err }
