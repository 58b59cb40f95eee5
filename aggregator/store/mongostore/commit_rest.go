package mongostore

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// replaceBillable makes each encounter's stored billable items the given
// set: it reads the stored items of those encounters once, deletes the ones
// gone and upserts the new or changed ones, leaving equal ones untouched.
func (s *Store) replaceBillable(ctx context.Context, coll *mongo.Collection, sets map[string][]keyed) error {
	if len(sets) == 0 {
		return nil
	}
	encounterIDs := slices.Sorted(maps.Keys(sets))
	cur, err := coll.Find(ctx, bson.D{{Key: "encounterId", Value: bson.D{{Key: "$in", Value: encounterIDs}}}})
	if err != nil {
		return fmt.Errorf("read billable items: %w", err)
	}
	var stored []bson.Raw
	if err := cur.All(ctx, &stored); err != nil {
		return fmt.Errorf("read billable items: %w", err)
	}
	old := make(map[string]bson.Raw, len(stored))
	for _, raw := range stored {
		id, _ := raw.Lookup("_id").StringValueOK()
		old[id] = raw
	}
	var models []mongo.WriteModel
	for _, encounterID := range encounterIDs {
		for _, it := range sets[encounterID] {
			if prev, ok := old[it.id]; !ok || !bytes.Equal(prev, it.doc) {
				models = append(models, mongo.NewReplaceOneModel().SetUpsert(true).
					SetFilter(bson.D{{Key: "_id", Value: it.id}}).SetReplacement(it.doc))
			}
			delete(old, it.id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(old)) {
		models = append(models, mongo.NewDeleteOneModel().SetFilter(bson.D{{Key: "_id", Value: id}}))
	}
	for chunk := range slices.Chunk(models, s.shared.cfg.BulkSize) {
		if _, err := coll.BulkWrite(ctx, chunk, options.BulkWrite().SetOrdered(false)); err != nil {
			return fmt.Errorf("write billable items: %w", err)
		}
	}
	return nil
}

// insertNew inserts the documents whose _id is not stored yet.
func (s *Store) insertNew(ctx context.Context, coll *mongo.Collection, kind string, docs []keyed) error {
	for chunk := range slices.Chunk(docs, s.shared.cfg.BulkSize) {
		models := make([]mongo.WriteModel, len(chunk))
		for i, d := range chunk {
			models[i] = mongo.NewInsertOneModel().SetDocument(d.doc)
		}
		_, err := coll.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
		if _, err := duplicateKeys(err); err != nil {
			return fmt.Errorf("insert %ss: %w", kind, err)
		}
	}
	return nil
}
