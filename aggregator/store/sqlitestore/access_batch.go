package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// AppendAccessBatch records the reads of one request in one transaction:
// every entry is stored, durably as the store's Synchronous setting says,
// or none is. Entries whose id is already stored are ignored, so retrying
// is safe.
func (s *Store) AppendAccessBatch(ctx context.Context, es []history.AccessEntry) error {
	docs := make([][]byte, len(es))
	for i, e := range es {
		if err := check.AccessEntry(e); err != nil {
			return err
		}
		if err := marshal(s.conn.codec, &docs[i], e, "access entry", e.ID); err != nil {
			return err
		}
	}
	if len(es) == 0 {
		return nil
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO access_log (id, patient_id, doc) VALUES (?, ?, ?)
			ON CONFLICT (id) DO NOTHING`)
		if err != nil {
			return fmt.Errorf("append %d access entries: %w", len(es), err)
		}
		defer stmt.Close()
		for i, e := range es {
			if _, err := stmt.ExecContext(ctx, e.ID, e.PatientID, docs[i]); err != nil {
				return fmt.Errorf("append access %s: %w", e.ID, err)
			}
		}
		return nil
	})
}
