package adapters

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// Add inserts e, appends ev to the outbox and saves the receipt, in one transaction.
func (s *Store) Add(ctx context.Context, e *encounter.Encounter, ev contracts.Event) error {
	return s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		state, err := json.Marshal(e.State())
		if err != nil {
			return fmt.Errorf("encode encounter %s: %w", e.ID(), err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO encounters (id, patient_id, arrived_at, version, state) VALUES (?, ?, ?, ?, ?)`,
			e.ID(), e.Patient().ID(), e.ArrivedAt().UnixNano(), e.Version(), string(state))
		if sqldb.IsUniqueViolation(err) {
			return fmt.Errorf("insert encounter %s: %w", e.ID(), encounter.ErrAlreadyExists)
		}
		if err != nil {
			return fmt.Errorf("insert encounter %s: %w", e.ID(), err)
		}
		return commit(ctx, tx, e, ev)
	})
}

// Update locks the encounter, applies change, and writes the changed
// encounter, its event and the receipt in one transaction.
func (s *Store) Update(ctx context.Context, id string, change func(*encounter.Encounter) (contracts.Event, error)) error {
	return s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		e, err := load(ctx, tx, `SELECT state, version FROM encounters WHERE id = ?`+tx.Dialect().ForUpdate(), id)
		if err != nil {
			return err
		}
		before := e.Version()
		ev, err := change(e)
		if err != nil {
			return err
		}
		state, err := json.Marshal(e.State())
		if err != nil {
			return fmt.Errorf("encode encounter %s: %w", id, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE encounters SET version = ?, state = ? WHERE id = ? AND version = ?`,
			e.Version(), string(state), id, before)
		if err != nil {
			return fmt.Errorf("update encounter %s: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("update encounter %s: %w", id, errors.Join(err, errStaleVersion))
		}
		return commit(ctx, tx, e, ev)
	})
}

// Encounter returns one encounter.
func (s *Store) Encounter(ctx context.Context, id string) (*encounter.Encounter, error) {
	return load(ctx, s.db, `SELECT state, version FROM encounters WHERE id = ?`, id)
}

// PatientEncounters returns the patient's encounters by arrival.
func (s *Store) PatientEncounters(ctx context.Context, patientID string) ([]*encounter.Encounter, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, version FROM encounters WHERE patient_id = ? ORDER BY arrived_at, id`, patientID)
	if err != nil {
		return nil, fmt.Errorf("list encounters of %s: %w", patientID, err)
	}
	defer rows.Close()
	es := []*encounter.Encounter{}
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list encounters of %s: %w", patientID, err)
	}
	return es, nil
}

func load(ctx context.Context, q sqldb.Querier, query, id string) (*encounter.Encounter, error) {
	e, err := scan(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("encounter %s: %w", id, encounter.ErrNotFound)
	}
	return e, err
}

func scan(row interface{ Scan(...any) error }) (*encounter.Encounter, error) {
	var (
		state   string
		version int64
		s       contracts.EncounterState
	)
	if err := row.Scan(&state, &version); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(state), &s); err != nil {
		return nil, fmt.Errorf("decode stored encounter: %w", err)
	}
	return encounter.Restore(s, version)
}
