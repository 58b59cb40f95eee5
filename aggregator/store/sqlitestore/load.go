package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/prontuario/prontuario/aggregator/history"
)

// maxParams bounds the ids bound in one IN list.
const maxParams = 500

// Load returns the stored patients and encounters with the given ids, keyed
// by id; ids that are not stored are absent from the maps. Both are read in
// one snapshot.
func (s *Store) Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error) {
	patients := make(map[string]history.Patient, len(patientIDs))
	encounters := make(map[string]history.Encounter, len(encounterIDs))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		err = loadByID(ctx, tx, s.conn, t.patients, patientIDs, func(p history.Patient) { patients[p.ID] = p })
		if err != nil {
			return fmt.Errorf("load patients: %w", err)
		}
		err = loadByID(ctx, tx, s.conn, t.encounters, encounterIDs, func(e history.Encounter) { encounters[e.ID] = e })
		if err != nil {
			return fmt.Errorf("load encounters: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return patients, encounters, nil
}

// loadByID decodes the documents of table whose id is in ids, in chunks.
func loadByID[T any](ctx context.Context, tx *sql.Tx, c *conn, table string, ids []string, put func(T)) error {
	for start := 0; start < len(ids); start += maxParams {
		chunk := ids[start:min(start+maxParams, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		query := `SELECT doc FROM ` + table + ` WHERE id IN (?` + strings.Repeat(",?", len(chunk)-1) + `)`
		if err := eachDoc(ctx, tx, c, query, args, put); err != nil {
			return err
		}
	}
	return nil
}

// eachDoc runs query, whose only column is a BSON document, and decodes
// each row into a T passed to put.
func eachDoc[T any](ctx context.Context, tx *sql.Tx, c *conn, query string, args []any, put func(T)) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			return err
		}
		var v T
		if err := c.codec.Unmarshal(raw, &v); err != nil {
			return err
		}
		put(v)
	}
	return rows.Err()
}
