package adapters

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// Add inserts p and appends e to the outbox in one transaction.
func (s *Store) Add(ctx context.Context, p *prescription.Prescription, e contracts.Event) error {
	if err := matches(p, e); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		st := p.State()
		state, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("encode prescription %s: %w", p.ID(), err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO prescriptions
			(id, patient_id, encounter_id, status, issued_at, version, state) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			st.PrescriptionID, st.PatientID, st.EncounterID, st.Status, st.IssuedAt.UnixNano(), p.Version(), string(state)); err != nil {
			return fmt.Errorf("insert prescription %s: %w", p.ID(), err)
		}
		return appendEvent(ctx, tx, e)
	})
}

// Update locks the prescription, applies change, and writes the changed
// prescription and its event in one transaction.
func (s *Store) Update(ctx context.Context, id string, change func(*prescription.Prescription) (contracts.Event, error)) error {
	return s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		p, err := load(ctx, tx, `SELECT state, version FROM prescriptions WHERE id = ?`+tx.Dialect().ForUpdate(), id)
		if err != nil {
			return err
		}
		before := p.Version()
		e, err := change(p)
		if err != nil {
			return err
		}
		if err := matches(p, e); err != nil {
			return err
		}
		st := p.State()
		state, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("encode prescription %s: %w", id, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE prescriptions SET status = ?, version = ?, state = ? WHERE id = ? AND version = ?`,
			st.Status, p.Version(), string(state), id, before)
		if err != nil {
			return fmt.Errorf("update prescription %s: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("update prescription %s: %w", id, errors.Join(err, errStaleVersion))
		}
		return appendEvent(ctx, tx, e)
	})
}

// Prescription returns one prescription.
func (s *Store) Prescription(ctx context.Context, id string) (*prescription.Prescription, error) {
	return load(ctx, s.db, `SELECT state, version FROM prescriptions WHERE id = ?`, id)
}

// PatientPrescriptions returns the patient's prescriptions, oldest first.
func (s *Store) PatientPrescriptions(ctx context.Context, patientID string) ([]*prescription.Prescription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, version FROM prescriptions
		WHERE patient_id = ? ORDER BY issued_at, id`, patientID)
	if err != nil {
		return nil, fmt.Errorf("list prescriptions of %s: %w", patientID, err)
	}
	defer rows.Close()
	ps := []*prescription.Prescription{}
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list prescriptions of %s: %w", patientID, err)
	}
	return ps, nil
}

func load(ctx context.Context, q sqldb.Querier, query, id string) (*prescription.Prescription, error) {
	p, err := scan(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("prescription %s: %w", id, prescription.ErrNotFound)
	}
	return p, err
}

func scan(row interface{ Scan(...any) error }) (*prescription.Prescription, error) {
	var (
		state   string
		version int64
		s       contracts.PrescriptionState
	)
	if err := row.Scan(&state, &version); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(state), &s); err != nil {
		return nil, fmt.Errorf("decode stored prescription: %w", err)
	}
	return prescription.Restore(s, version)
}

// matches refuses an event that is not the one of p's current version.
func matches(p *prescription.Prescription, e contracts.Event) error {
	if e.AggregateID != p.ID() || e.AggregateVersion != p.Version() {
		return fmt.Errorf("event %s is of %s v%d, not of prescription %s v%d", e.ID, e.AggregateID, e.AggregateVersion, p.ID(), p.Version())
	}
	return nil
}

// appendEvent appends e to the outbox and saves the command's answer for
// its Idempotency-Key (if the request had one), both in tx.
func appendEvent(ctx context.Context, tx *sqldb.Tx, e contracts.Event) error {
	if err := outbox.Append(ctx, tx, e); err != nil {
		return err
	}
	return idempotency.Record(ctx, tx, app.ReceiptFor(e))
}
