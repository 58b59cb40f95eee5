package mongostore

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"github.com/prontuario/prontuario/aggregator/store"
)

// Commit writes the batch in the order the package doc explains: one write
// per document, in bulk writes of at most Config.BulkSize. Patients and
// encounters whose revision moved are reported (joined errors wrapping
// store.ErrConflict) after their stage; nothing after it is written then.
// Without transactions, a failed Commit may have written part of the batch:
// re-applying the same events after a reload repairs it.
func (s *Store) Commit(ctx context.Context, b store.Batch) error {
	if err := b.Validate(); err != nil {
		return err
	}
	if b.Empty() {
		return nil
	}
	p, err := prepare(s.shared.codec, b)
	if err != nil {
		return err
	}
	c, err := s.collections(ctx)
	if err != nil {
		return err
	}
	if err := s.writeRevisioned(ctx, c.encounters, "encounter", p.encounters, p.commitID); err != nil {
		return err
	}
	if err := s.writeRevisioned(ctx, c.patients, "patient", p.patients, p.commitID); err != nil {
		return err
	}
	if err := s.replaceBillable(ctx, c.billable, p.billable); err != nil {
		return err
	}
	if err := s.insertNew(ctx, c.audit, "audit entry", p.audit); err != nil {
		return err
	}
	if err := s.insertNew(ctx, c.deadLetters, "dead letter", p.deadLetters); err != nil {
		return err
	}
	return s.mergeFreshness(ctx, c.freshness, p.freshness)
}

// writeRevisioned inserts new documents and replaces the others with their
// loaded revision in the filter, then reports every document that lost.
func (s *Store) writeRevisioned(ctx context.Context, coll *mongo.Collection, kind string, docs []revisioned, commitID string) error {
	var conflicts []error
	for chunk := range slices.Chunk(docs, s.shared.cfg.BulkSize) {
		models := make([]mongo.WriteModel, len(chunk))
		var replaced []revisioned
		for i, d := range chunk {
			if d.loadedAt == 0 {
				models[i] = mongo.NewInsertOneModel().SetDocument(d.doc)
				continue
			}
			replaced = append(replaced, d)
			models[i] = mongo.NewReplaceOneModel().SetReplacement(d.doc).
				SetFilter(bson.D{{Key: "_id", Value: d.id}, {Key: "revision", Value: d.loadedAt}})
		}
		res, err := coll.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
		duplicates, err := duplicateKeys(err)
		if err != nil {
			return fmt.Errorf("write %ss: %w", kind, err)
		}
		for _, i := range duplicates {
			conflicts = append(conflicts, conflict(kind, chunk[i].id, 0))
		}
		if len(replaced) > 0 && (res == nil || res.MatchedCount < int64(len(replaced))) {
			lost, err := s.lostReplaces(ctx, coll, replaced, commitID)
			if err != nil {
				return fmt.Errorf("find conflicting %ss: %w", kind, err)
			}
			for _, d := range lost {
				conflicts = append(conflicts, conflict(kind, d.id, d.loadedAt))
			}
		}
	}
	return errors.Join(conflicts...)
}

// lostReplaces returns the documents of replaced that this commit did not
// write: their stored commit id is another's, or they are gone.
func (s *Store) lostReplaces(ctx context.Context, coll *mongo.Collection, replaced []revisioned, commitID string) ([]revisioned, error) {
	ids := make([]string, len(replaced))
	for i, d := range replaced {
		ids[i] = d.id
	}
	cur, err := coll.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}},
		options.Find().SetProjection(bson.D{{Key: "commitId", Value: 1}}))
	if err != nil {
		return nil, err
	}
	var written []struct {
		ID       string `bson:"_id"`
		CommitID string `bson:"commitId"`
	}
	if err := cur.All(ctx, &written); err != nil {
		return nil, err
	}
	ours := map[string]bool{}
	for _, w := range written {
		ours[w.ID] = w.CommitID == commitID
	}
	var lost []revisioned
	for _, d := range replaced {
		if !ours[d.id] {
			lost = append(lost, d)
		}
	}
	return lost, nil
}

func conflict(kind, id string, loadedAt int64) error {
	if loadedAt == 0 {
		return fmt.Errorf("%s %s committed as new already exists: %w", kind, id, store.ErrConflict)
	}
	return fmt.Errorf("%s %s changed since revision %d: %w", kind, id, loadedAt, store.ErrConflict)
}
