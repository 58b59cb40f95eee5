package adapters

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// Add inserts o and appends e to the outbox in one transaction.
func (s *Store) Add(ctx context.Context, o *laborder.Order, e contracts.Event) error {
	if err := matches(o, e); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		st := o.State()
		state, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("encode lab order %s: %w", o.ID(), err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO lab_orders
			(id, patient_id, encounter_id, ordered_at, version, state) VALUES (?, ?, ?, ?, ?, ?)`,
			st.OrderID, st.PatientID, st.EncounterID, st.OrderedAt.UnixNano(), o.Version(), string(state)); err != nil {
			return fmt.Errorf("insert lab order %s: %w", o.ID(), err)
		}
		return appendEvent(ctx, tx, e)
	})
}

// Update locks the order, applies change, and writes the changed order
// and its event in one transaction.
func (s *Store) Update(ctx context.Context, id string, change func(*laborder.Order) (contracts.Event, error)) error {
	return s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		o, err := load(ctx, tx, `SELECT state, version FROM lab_orders WHERE id = ?`+tx.Dialect().ForUpdate(), id)
		if err != nil {
			return err
		}
		before := o.Version()
		e, err := change(o)
		if err != nil {
			return err
		}
		if err := matches(o, e); err != nil {
			return err
		}
		state, err := json.Marshal(o.State())
		if err != nil {
			return fmt.Errorf("encode lab order %s: %w", id, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE lab_orders SET version = ?, state = ? WHERE id = ? AND version = ?`,
			o.Version(), string(state), id, before)
		if err != nil {
			return fmt.Errorf("update lab order %s: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("update lab order %s: %w", id, errors.Join(err, errStaleVersion))
		}
		return appendEvent(ctx, tx, e)
	})
}

// Order returns one order.
func (s *Store) Order(ctx context.Context, id string) (*laborder.Order, error) {
	return load(ctx, s.db, `SELECT state, version FROM lab_orders WHERE id = ?`, id)
}

// PatientOrders returns the patient's orders, oldest first.
func (s *Store) PatientOrders(ctx context.Context, patientID string) ([]*laborder.Order, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, version FROM lab_orders
		WHERE patient_id = ? ORDER BY ordered_at, id`, patientID)
	if err != nil {
		return nil, fmt.Errorf("list lab orders of %s: %w", patientID, err)
	}
	defer rows.Close()
	os := []*laborder.Order{}
	for rows.Next() {
		o, err := scan(rows)
		if err != nil {
			return nil, err
		}
		os = append(os, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list lab orders of %s: %w", patientID, err)
	}
	return os, nil
}

func load(ctx context.Context, q sqldb.Querier, query, id string) (*laborder.Order, error) {
	o, err := scan(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("lab order %s: %w", id, laborder.ErrNotFound)
	}
	return o, err
}

func scan(row interface{ Scan(...any) error }) (*laborder.Order, error) {
	var (
		state   string
		version int64
		s       contracts.LabOrderState
	)
	if err := row.Scan(&state, &version); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(state), &s); err != nil {
		return nil, fmt.Errorf("decode stored lab order: %w", err)
	}
	return laborder.Restore(s, version)
}

// matches refuses an event that is not the one of o's current version.
func matches(o *laborder.Order, e contracts.Event) error {
	if e.AggregateID != o.ID() || e.AggregateVersion != o.Version() {
		return fmt.Errorf("event %s is of %s v%d, not of lab order %s v%d", e.ID, e.AggregateID, e.AggregateVersion, o.ID(), o.Version())
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
