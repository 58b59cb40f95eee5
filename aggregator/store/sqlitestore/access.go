package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// AppendAccess records a read of patient data. The access log belongs to no
// generation: it survives rebuilds. An entry whose id is already stored is
// ignored, so retrying an append is safe.
func (s *Store) AppendAccess(ctx context.Context, e history.AccessEntry) error {
	if err := check.AccessEntry(e); err != nil {
		return err
	}
	var doc []byte
	if err := marshal(s.conn.codec, &doc, e, "access entry", e.ID); err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO access_log (id, patient_id, doc) VALUES (?, ?, ?)
			ON CONFLICT (id) DO NOTHING`, e.ID, e.PatientID, doc)
		if err != nil {
			return fmt.Errorf("append access %s: %w", e.ID, err)
		}
		return nil
	})
}

// AccessLog returns a page of the access log, oldest first (by id, which is
// time-ordered), optionally of one patient.
func (s *Store) AccessLog(ctx context.Context, q history.AccessQuery) (history.Page[history.AccessEntry], error) {
	if err := check.AccessQuery(q); err != nil {
		return history.Page[history.AccessEntry]{}, err
	}
	pq := pageQuery{table: `access_log`, orderBy: `id`, limit: q.Limit}
	if q.PatientID != "" {
		pq.filter.add(`patient_id = ?`, q.PatientID)
	}
	if q.AfterID != "" {
		pq.cursor.add(`id > ?`, q.AfterID)
	}
	var page history.Page[history.AccessEntry]
	err := s.readTx(ctx, func(tx *sql.Tx) (err error) {
		page, err = readPage[history.AccessEntry](ctx, tx, s.conn, pq)
		return err
	})
	if err != nil {
		return history.Page[history.AccessEntry]{}, fmt.Errorf("read access log: %w", err)
	}
	return page, nil
}
