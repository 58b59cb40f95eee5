package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
	"github.com/prontuario/prontuario/aggregator/store/internal/namesearch"
)

// Encounters returns a page of the patient's encounters, newest first by
// (SortTime, ID) descending, optionally within [From, To).
func (s *Store) Encounters(ctx context.Context, q history.EncounterQuery) (history.Page[history.Encounter], error) {
	if err := check.EncounterQuery(q); err != nil {
		return history.Page[history.Encounter]{}, err
	}
	return pageOf[history.Encounter](ctx, s, "encounters of patient "+q.PatientID, func(t tables) pageQuery {
		pq := pageQuery{table: t.encounters, orderBy: `sort_time DESC, id DESC`, limit: q.Limit}
		pq.filter.add(`patient_id = ?`, q.PatientID)
		period(&pq.filter, `sort_time`, q.From, q.To)
		if a := q.After; a != nil {
			pq.cursor.add(`(sort_time, id) < (?, ?)`, timeKey(a.SortTime), a.ID)
		}
		return pq
	})
}

// Patients returns a page of the patients matching the query, by id.
func (s *Store) Patients(ctx context.Context, q history.PatientQuery) (history.Page[history.Patient], error) {
	if err := check.PatientQuery(q); err != nil {
		return history.Page[history.Patient]{}, err
	}
	return pageOf[history.Patient](ctx, s, "patients", func(t tables) pageQuery {
		pq := pageQuery{table: t.patients, orderBy: `id`, limit: q.Limit}
		for _, w := range namesearch.Words(q.Name) {
			pq.filter.add(`id IN (SELECT patient_id FROM `+t.namePrefixes+` WHERE prefix = ?)`, w)
		}
		if q.BirthDate != "" {
			pq.filter.add(`birth_date = ?`, q.BirthDate)
		}
		if q.AfterID != "" {
			pq.cursor.add(`id > ?`, q.AfterID)
		}
		return pq
	})
}

// BillableItems returns a page of the billable items with From <=
// ServiceDate < To (a zero bound is open), by (ServiceDate, ID).
func (s *Store) BillableItems(ctx context.Context, q history.BillableQuery) (history.Page[history.BillableItem], error) {
	if err := check.BillableQuery(q); err != nil {
		return history.Page[history.BillableItem]{}, err
	}
	return pageOf[history.BillableItem](ctx, s, "billable items", func(t tables) pageQuery {
		pq := pageQuery{table: t.billable, orderBy: `service_date, id`, limit: q.Limit}
		period(&pq.filter, `service_date`, q.From, q.To)
		if a := q.After; a != nil {
			pq.cursor.add(`(service_date, id) > (?, ?)`, timeKey(a.ServiceDate), a.ID)
		}
		return pq
	})
}

// AuditTrail returns a page of the patient's audit entries, oldest first by
// (OccurredAt, EventID).
func (s *Store) AuditTrail(ctx context.Context, q history.AuditQuery) (history.Page[history.AuditEntry], error) {
	if err := check.AuditQuery(q); err != nil {
		return history.Page[history.AuditEntry]{}, err
	}
	return pageOf[history.AuditEntry](ctx, s, "audit trail of patient "+q.PatientID, func(t tables) pageQuery {
		pq := pageQuery{table: t.audit, orderBy: `occurred_at, event_id`, limit: q.Limit}
		pq.filter.add(`patient_id = ?`, q.PatientID)
		if a := q.After; a != nil {
			pq.cursor.add(`(occurred_at, event_id) > (?, ?)`, timeKey(a.OccurredAt), a.EventID)
		}
		return pq
	})
}

// pageOf reads the page build returns, in the store's generation.
func pageOf[T any](ctx context.Context, s *Store, what string, build func(tables) pageQuery) (history.Page[T], error) {
	var page history.Page[T]
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		page, err = readPage[T](ctx, tx, s.conn, build(t))
		return err
	})
	if err != nil {
		return history.Page[T]{}, fmt.Errorf("read %s: %w", what, err)
	}
	return page, nil
}

// period bounds column to [from, to), a zero bound being open.
func period(c *conds, column string, from, to time.Time) {
	if !from.IsZero() {
		c.add(column+` >= ?`, timeKey(from))
	}
	if !to.IsZero() {
		c.add(column+` < ?`, timeKey(to))
	}
}

// timeKey renders a query time already accepted by package check.
func timeKey(t time.Time) string {
	k, _ := codec.TimeKey(t) // check rejected the times it cannot render
	return k
}
