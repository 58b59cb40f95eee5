package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// Patient returns the patient document, or history.ErrNotFound.
func (s *Store) Patient(ctx context.Context, id string) (history.Patient, error) {
	var p history.Patient
	if err := check.ID("patient", id); err != nil {
		return p, err
	}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		return s.one(ctx, tx, t.patients, id, &p)
	})
	if err != nil {
		return history.Patient{}, fmt.Errorf("patient %s: %w", id, err)
	}
	return p, nil
}

// Encounter returns the encounter document, or history.ErrNotFound.
func (s *Store) Encounter(ctx context.Context, id string) (history.Encounter, error) {
	var e history.Encounter
	if err := check.ID("encounter", id); err != nil {
		return e, err
	}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		return s.one(ctx, tx, t.encounters, id, &e)
	})
	if err != nil {
		return history.Encounter{}, fmt.Errorf("encounter %s: %w", id, err)
	}
	return e, nil
}

// one decodes the document of table with the given id into v.
func (s *Store) one(ctx context.Context, tx *sql.Tx, table, id string, v any) error {
	var raw []byte
	err := tx.QueryRowContext(ctx, `SELECT doc FROM `+table+` WHERE id = ?`, id).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return history.ErrNotFound
	}
	if err != nil {
		return err
	}
	return s.conn.codec.Unmarshal(raw, v)
}

// EventApplied reports whether the event has an audit entry, i.e. its
// effects are committed in the generation.
func (s *Store) EventApplied(ctx context.Context, eventID string) (bool, error) {
	if err := check.ID("event", eventID); err != nil {
		return false, err
	}
	var applied bool
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+t.audit+` WHERE event_id = ?)`, eventID).Scan(&applied)
	})
	if err != nil {
		return false, fmt.Errorf("event %s applied: %w", eventID, err)
	}
	return applied, nil
}
