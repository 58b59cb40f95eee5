package adapters

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// Add inserts s, appends ev to the outbox and saves the receipt, in one transaction.
func (st *Store) Add(ctx context.Context, s *study.Study, ev contracts.Event) error {
	return st.db.InTx(ctx, func(tx *sqldb.Tx) error {
		state := s.State()
		body, err := json.Marshal(state)
		if err != nil {
			return fmt.Errorf("encode imaging study %s: %w", s.ID(), err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO imaging_studies (id, patient_id, encounter_id, ordered_at, version, state) VALUES (?, ?, ?, ?, ?, ?)`,
			s.ID(), state.PatientID, state.EncounterID, s.OrderedAt().UnixNano(), s.Version(), string(body))
		if sqldb.IsUniqueViolation(err) {
			return fmt.Errorf("insert imaging study %s: %w", s.ID(), study.ErrAlreadyExists)
		}
		if err != nil {
			return fmt.Errorf("insert imaging study %s: %w", s.ID(), err)
		}
		return commit(ctx, tx, s, ev)
	})
}

// Update locks the study, applies change, and writes the changed study,
// its event and the receipt in one transaction.
func (st *Store) Update(ctx context.Context, id string, change func(*study.Study) (contracts.Event, error)) error {
	return st.db.InTx(ctx, func(tx *sqldb.Tx) error {
		s, err := load(ctx, tx, `SELECT state, version FROM imaging_studies WHERE id = ?`+tx.Dialect().ForUpdate(), id)
		if err != nil {
			return err
		}
		before := s.Version()
		ev, err := change(s)
		if err != nil {
			return err
		}
		body, err := json.Marshal(s.State())
		if err != nil {
			return fmt.Errorf("encode imaging study %s: %w", id, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE imaging_studies SET version = ?, state = ? WHERE id = ? AND version = ?`,
			s.Version(), string(body), id, before)
		if err != nil {
			return fmt.Errorf("update imaging study %s: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("update imaging study %s: %w", id, errors.Join(err, errStaleVersion))
		}
		return commit(ctx, tx, s, ev)
	})
}

// Study returns one study.
func (st *Store) Study(ctx context.Context, id string) (*study.Study, error) {
	return load(ctx, st.db, `SELECT state, version FROM imaging_studies WHERE id = ?`, id)
}

// PatientStudies returns the patient's studies by order time.
func (st *Store) PatientStudies(ctx context.Context, patientID string) ([]*study.Study, error) {
	rows, err := st.db.QueryContext(ctx, `SELECT state, version FROM imaging_studies WHERE patient_id = ? ORDER BY ordered_at, id`, patientID)
	if err != nil {
		return nil, fmt.Errorf("list imaging studies of %s: %w", patientID, err)
	}
	defer rows.Close()
	ss := []*study.Study{}
	for rows.Next() {
		s, err := scan(rows)
		if err != nil {
			return nil, err
		}
		ss = append(ss, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list imaging studies of %s: %w", patientID, err)
	}
	return ss, nil
}

func load(ctx context.Context, q sqldb.Querier, query, id string) (*study.Study, error) {
	s, err := scan(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("imaging study %s: %w", id, study.ErrNotFound)
	}
	return s, err
}

func scan(row interface{ Scan(...any) error }) (*study.Study, error) {
	var (
		body    string
		version int64
		state   contracts.ImagingStudyState
	)
	if err := row.Scan(&body, &version); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(body), &state); err != nil {
		return nil, fmt.Errorf("decode stored imaging study: %w", err)
	}
	return study.Restore(state, version)
}
