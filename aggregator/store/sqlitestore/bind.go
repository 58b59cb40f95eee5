package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
)

// BindActive returns a Store bound to the generation active now, or s itself
// when s is already bound. A writer that follows the active generation binds
// once per batch and loads and commits through the bound Store, so that a
// batch never loads from one generation and commits to another across a
// rebuild's switch; a bound Store fails with store.ErrUnknownGeneration once
// its generation is dropped, rather than writing elsewhere. It is safe for
// concurrent use.
func (s *Store) BindActive(ctx context.Context) (*Store, error) {
	if s.generation != "" {
		return s, nil
	}
	var name string
	err := s.readTx(ctx, func(tx *sql.Tx) (err error) {
		name, err = activeGeneration(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("bind the active generation: %w", err)
	}
	return &Store{conn: s.conn, generation: name}, nil
}

// Generation returns the generation s is bound to, or "" when s follows the
// active generation (a Store from Open).
func (s *Store) Generation() string { return s.generation }
