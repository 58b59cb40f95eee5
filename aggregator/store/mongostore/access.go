package mongostore

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// AppendAccess records a read of patient data. The access log belongs to no
// generation: it survives rebuilds. An entry whose id is already stored is
// ignored, so retrying an append is safe.
func (s *Store) AppendAccess(ctx context.Context, e history.AccessEntry) error {
	if err := check.AccessEntry(e); err != nil {
		return err
	}
	doc, err := s.shared.codec.Marshal(e)
	if err != nil {
		return fmt.Errorf("%w: access entry %s: %v", store.ErrInvalidWrite, e.ID, err)
	}
	_, err = s.shared.db.Collection(accessLog).InsertOne(ctx, bson.Raw(doc))
	if err != nil && !mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("append access %s: %w", e.ID, err)
	}
	return nil
}

// AccessLog returns a page of the access log, oldest first (by id, which is
// time-ordered), optionally of one patient.
func (s *Store) AccessLog(ctx context.Context, q history.AccessQuery) (history.Page[history.AccessEntry], error) {
	if err := check.AccessQuery(q); err != nil {
		return history.Page[history.AccessEntry]{}, err
	}
	pq := pageQuery{sort: bson.D{{Key: "_id", Value: 1}}, limit: q.Limit}
	if q.PatientID != "" {
		pq.filter = []bson.D{eq("patientId", q.PatientID)}
	}
	if q.AfterID != "" {
		pq.cursor = bson.D{{Key: "_id", Value: bson.D{{Key: "$gt", Value: q.AfterID}}}}
	}
	page, err := readPage(ctx, s.shared.db.Collection(accessLog), pq, func(e history.AccessEntry) history.AccessEntry { return e })
	if err != nil {
		return history.Page[history.AccessEntry]{}, fmt.Errorf("read access log: %w", err)
	}
	return page, nil
}
