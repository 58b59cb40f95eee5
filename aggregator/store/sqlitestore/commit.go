package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/aggregator/store"
)

// Commit writes the batch in one transaction: all of it or, on any error,
// none of it. Every patient and encounter whose revision moved since it was
// loaded is reported (joined errors wrapping store.ErrConflict), and then
// nothing is written. See store.Batch for what each part does.
func (s *Store) Commit(ctx context.Context, b store.Batch) error {
	if err := b.Validate(); err != nil {
		return err
	}
	if b.Empty() {
		return nil
	}
	r, err := encode(s.conn.codec, b)
	if err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		w := &txWriter{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
		defer w.close()
		if err := w.writeDocuments(t, r); err != nil {
			return err
		}
		return w.writeRest(t, r)
	})
}

// txWriter runs statements in a transaction, preparing each once.
type txWriter struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (w *txWriter) exec(query string, args ...any) (sql.Result, error) {
	st, ok := w.stmts[query]
	if !ok {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, query); err != nil {
			return nil, err
		}
		w.stmts[query] = st
	}
	return st.ExecContext(w.ctx, args...)
}

// changed runs an insert or update and reports whether it touched a row.
func (w *txWriter) changed(query string, args ...any) (bool, error) {
	res, err := w.exec(query, args...)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func (w *txWriter) close() {
	for _, st := range w.stmts {
		_ = st.Close() // the transaction's end releases it anyway
	}
}

// writeDocuments writes patients and encounters, each only if its stored
// revision is still the loaded one.
func (w *txWriter) writeDocuments(t tables, r rows) error {
	var conflicts []error
	for _, p := range r.patients {
		ok, err := w.writeRevisioned(t.patients, p.id, p.loadedAt,
			`(id, revision, birth_date, doc) VALUES (?, ?, ?, ?)`, `birth_date = ?, doc = ?`,
			[]any{p.id, p.loadedAt + 1, p.birthDate, p.doc}, []any{p.birthDate, p.doc})
		if err != nil {
			return fmt.Errorf("write patient %s: %w", p.id, err)
		}
		if !ok {
			conflicts = append(conflicts, conflict("patient", p.id, p.loadedAt))
			continue
		}
		if err := w.writePrefixes(t, p); err != nil {
			return fmt.Errorf("index name of patient %s: %w", p.id, err)
		}
	}
	for _, e := range r.encounters {
		ok, err := w.writeRevisioned(t.encounters, e.id, e.loadedAt,
			`(id, patient_id, sort_time, revision, doc) VALUES (?, ?, ?, ?, ?)`, `patient_id = ?, sort_time = ?, doc = ?`,
			[]any{e.id, e.patientID, e.sortTime, e.loadedAt + 1, e.doc}, []any{e.patientID, e.sortTime, e.doc})
		if err != nil {
			return fmt.Errorf("write encounter %s: %w", e.id, err)
		}
		if !ok {
			conflicts = append(conflicts, conflict("encounter", e.id, e.loadedAt))
		}
	}
	return errors.Join(conflicts...)
}

// writeRevisioned inserts a new document (loadedAt 0) or replaces the one
// stored at revision loadedAt, reporting false when neither applies.
func (w *txWriter) writeRevisioned(table, id string, loadedAt int64, insert, set string, insertArgs, setArgs []any) (bool, error) {
	if loadedAt == 0 {
		return w.changed(`INSERT INTO `+table+` `+insert+` ON CONFLICT (id) DO NOTHING`, insertArgs...)
	}
	args := append(append([]any{}, setArgs...), loadedAt+1, id, loadedAt)
	return w.changed(`UPDATE `+table+` SET `+set+`, revision = ? WHERE id = ? AND revision = ?`, args...)
}

func (w *txWriter) writePrefixes(t tables, p patientRow) error {
	if _, err := w.exec(`DELETE FROM `+t.namePrefixes+` WHERE patient_id = ?`, p.id); err != nil {
		return err
	}
	for _, prefix := range p.prefixes {
		if _, err := w.exec(`INSERT INTO `+t.namePrefixes+` (prefix, patient_id) VALUES (?, ?)`, prefix, p.id); err != nil {
			return err
		}
	}
	return nil
}

func conflict(kind, id string, loadedAt int64) error {
	if loadedAt == 0 {
		return fmt.Errorf("%s %s committed as new already exists: %w", kind, id, store.ErrConflict)
	}
	return fmt.Errorf("%s %s changed since revision %d: %w", kind, id, loadedAt, store.ErrConflict)
}
