package mongostore

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
	"github.com/prontuario/prontuario/aggregator/store/internal/namesearch"
)

// Encounters returns a page of the patient's encounters, newest first by
// (SortTime, ID) descending, optionally within [From, To).
func (s *Store) Encounters(ctx context.Context, q history.EncounterQuery) (history.Page[history.Encounter], error) {
	if err := check.EncounterQuery(q); err != nil {
		return history.Page[history.Encounter]{}, err
	}
	pq := pageQuery{
		filter: append([]bson.D{eq("patientId", q.PatientID)}, period("sortTime", q.From, q.To)...),
		sort:   bson.D{{Key: "sortTime", Value: -1}, {Key: "_id", Value: -1}},
		limit:  q.Limit,
	}
	if a := q.After; a != nil {
		pq.cursor = after("sortTime", a.SortTime, a.ID, "$lt")
	}
	return pageOf(ctx, s, "encounters of patient "+q.PatientID, func(c collections) (history.Page[history.Encounter], error) {
		return readPage(ctx, c.encounters, pq, func(d encounterDoc) history.Encounter { return d.Encounter })
	})
}

// Patients returns a page of the patients matching the query, by id.
func (s *Store) Patients(ctx context.Context, q history.PatientQuery) (history.Page[history.Patient], error) {
	if err := check.PatientQuery(q); err != nil {
		return history.Page[history.Patient]{}, err
	}
	pq := pageQuery{sort: bson.D{{Key: "_id", Value: 1}}, limit: q.Limit}
	for _, w := range namesearch.Words(q.Name) {
		pq.filter = append(pq.filter, eq("namePrefixes", w))
	}
	if q.BirthDate != "" {
		pq.filter = append(pq.filter, eq("demographics.birthDate", q.BirthDate))
	}
	if q.AfterID != "" {
		pq.cursor = bson.D{{Key: "_id", Value: bson.D{{Key: "$gt", Value: q.AfterID}}}}
	}
	return pageOf(ctx, s, "patients", func(c collections) (history.Page[history.Patient], error) {
		return readPage(ctx, c.patients, pq, func(d patientDoc) history.Patient { return d.Patient })
	})
}

// BillableItems returns a page of the billable items with From <=
// ServiceDate < To (a zero bound is open), by (ServiceDate, ID).
func (s *Store) BillableItems(ctx context.Context, q history.BillableQuery) (history.Page[history.BillableItem], error) {
	if err := check.BillableQuery(q); err != nil {
		return history.Page[history.BillableItem]{}, err
	}
	pq := pageQuery{
		filter: period("serviceDate", q.From, q.To),
		sort:   bson.D{{Key: "serviceDate", Value: 1}, {Key: "_id", Value: 1}},
		limit:  q.Limit,
	}
	if a := q.After; a != nil {
		pq.cursor = after("serviceDate", a.ServiceDate, a.ID, "$gt")
	}
	return pageOf(ctx, s, "billable items", func(c collections) (history.Page[history.BillableItem], error) {
		return readPage(ctx, c.billable, pq, func(it history.BillableItem) history.BillableItem { return it })
	})
}

// AuditTrail returns a page of the patient's audit entries, oldest first by
// (OccurredAt, EventID).
func (s *Store) AuditTrail(ctx context.Context, q history.AuditQuery) (history.Page[history.AuditEntry], error) {
	if err := check.AuditQuery(q); err != nil {
		return history.Page[history.AuditEntry]{}, err
	}
	pq := pageQuery{
		filter: []bson.D{eq("patientId", q.PatientID)},
		sort:   bson.D{{Key: "provenance.occurredAt", Value: 1}, {Key: "_id", Value: 1}},
		limit:  q.Limit,
	}
	if a := q.After; a != nil {
		pq.cursor = after("provenance.occurredAt", a.OccurredAt, a.EventID, "$gt")
	}
	return pageOf(ctx, s, "audit trail of patient "+q.PatientID, func(c collections) (history.Page[history.AuditEntry], error) {
		return readPage(ctx, c.audit, pq, func(d auditDoc) history.AuditEntry { return d.AuditEntry })
	})
}

// pageOf resolves the generation and runs read in it.
func pageOf[T any](ctx context.Context, s *Store, what string, read func(collections) (history.Page[T], error)) (history.Page[T], error) {
	c, err := s.collections(ctx)
	if err != nil {
		return history.Page[T]{}, err
	}
	page, err := read(c)
	if err != nil {
		return history.Page[T]{}, fmt.Errorf("read %s: %w", what, err)
	}
	return page, nil
}
