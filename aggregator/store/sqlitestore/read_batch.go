package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// MaxBatchQueries caps the queries of one EncountersOfPatients call: one
// page of patients.
const MaxBatchQueries = history.MaxPageSize

// EncountersOfPatients answers several encounter queries (typically one per
// patient of a page) in one read transaction, so that every page comes from
// the same snapshot: the i-th page answers qs[i], as Encounters would.
// SQLite runs in-process, so the statements cost no round trip; what the
// batch saves is a transaction, a generation lookup and a call per patient.
// The documents are read as stored inside the transaction and decoded
// after it, on every core: decoding is most of the cost of a page of full
// encounters, and the reader connection is not held meanwhile.
func (s *Store) EncountersOfPatients(ctx context.Context, qs []history.EncounterQuery) ([]history.Page[history.Encounter], error) {
	if len(qs) > MaxBatchQueries {
		return nil, fmt.Errorf("%d encounter queries in one batch; at most %d", len(qs), MaxBatchQueries)
	}
	for _, q := range qs {
		if err := check.EncounterQuery(q); err != nil {
			return nil, err
		}
	}
	raws := make([]rawPage, len(qs))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		for i, q := range qs {
			pq := pageQuery{table: t.encounters, orderBy: `sort_time DESC, id DESC`, limit: q.Limit}
			pq.filter.add(`patient_id = ?`, q.PatientID)
			period(&pq.filter, `sort_time`, q.From, q.To)
			if a := q.After; a != nil {
				pq.cursor.add(`(sort_time, id) < (?, ?)`, timeKey(a.SortTime), a.ID)
			}
			if raws[i], err = readRawPage(ctx, tx, pq); err != nil {
				return fmt.Errorf("encounters of patient %s: %w", q.PatientID, err)
			}
		}
		return nil
	})
	if err == nil {
		var pages []history.Page[history.Encounter]
		if pages, err = s.decodePages(ctx, raws); err == nil {
			return pages, nil
		}
	}
	return nil, fmt.Errorf("read encounters of %d patients: %w", len(qs), err)
}

// rawPage is a page whose documents are not decoded yet.
type rawPage struct {
	docs    [][]byte
	total   int
	hasNext bool
}

// readRawPage runs q in tx as readPage does, without decoding.
func readRawPage(ctx context.Context, tx *sql.Tx, q pageQuery) (rawPage, error) {
	var p rawPage
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+q.table+q.filter.where(), q.filter.args...).Scan(&p.total); err != nil {
		return p, err
	}
	all := conds{sql: append(append([]string{}, q.filter.sql...), q.cursor.sql...), args: append(append([]any{}, q.filter.args...), q.cursor.args...)}
	rows, err := tx.QueryContext(ctx, `SELECT doc FROM `+q.table+all.where()+` ORDER BY `+q.orderBy+` LIMIT ?`, append(all.args, q.limit+1)...)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var raw []byte // Scan copies into a new slice
		if err := rows.Scan(&raw); err != nil {
			return p, err
		}
		p.docs = append(p.docs, raw)
	}
	if len(p.docs) > q.limit {
		p.docs, p.hasNext = p.docs[:q.limit], true
	}
	return p, rows.Err()
}

// decodePages decodes the documents of raws, spread over the cores.
func (s *Store) decodePages(ctx context.Context, raws []rawPage) ([]history.Page[history.Encounter], error) {
	pages := make([]history.Page[history.Encounter], len(raws))
	type slot struct{ page, item int }
	var slots []slot
	for i, r := range raws {
		pages[i] = history.Page[history.Encounter]{Items: make([]history.Encounter, len(r.docs)), Total: r.total, HasNext: r.hasNext}
		for j := range r.docs {
			slots = append(slots, slot{i, j})
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(slots))
	g, _ := errgroup.WithContext(ctx)
	for w := range workers {
		g.Go(func() error {
			for k := w; k < len(slots); k += workers {
				sl := slots[k]
				if err := s.conn.codec.Unmarshal(raws[sl.page].docs[sl.item], &pages[sl.page].Items[sl.item]); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return pages, nil
}
