package mongostore

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/freshness"
)

// maxFreshnessAttempts bounds the read-merge-replace loop of one source.
const maxFreshnessAttempts = 20

// mergeFreshness merges each source's record into the stored one: read,
// merge in memory (freshness.Merge), replace with the read revision in the
// filter, again if another writer came first.
func (s *Store) mergeFreshness(ctx context.Context, coll *mongo.Collection, fs []history.SourceFreshness) error {
	for _, f := range fs {
		if err := mergeOne(ctx, coll, f); err != nil {
			return fmt.Errorf("merge freshness of %s: %w", f.Source, err)
		}
	}
	return nil
}

func mergeOne(ctx context.Context, coll *mongo.Collection, f history.SourceFreshness) error {
	byID := bson.D{{Key: "_id", Value: f.Source}}
	for range maxFreshnessAttempts {
		var cur freshnessDoc
		err := coll.FindOne(ctx, byID).Decode(&cur)
		if errors.Is(err, mongo.ErrNoDocuments) {
			_, err := coll.InsertOne(ctx, freshnessDoc{SourceFreshness: freshness.Merge(f, f), Revision: 1})
			if mongo.IsDuplicateKeyError(err) {
				continue // another writer inserted it first: merge into theirs
			}
			return err
		}
		if err != nil {
			return err
		}
		merged := freshness.Merge(cur.SourceFreshness, f)
		if reflect.DeepEqual(merged, cur.SourceFreshness) {
			return nil
		}
		filter := bson.D{{Key: "_id", Value: f.Source}, {Key: "revision", Value: cur.Revision}}
		res, err := coll.ReplaceOne(ctx, filter, freshnessDoc{SourceFreshness: merged, Revision: cur.Revision + 1})
		if err != nil {
			return err
		}
		if res.MatchedCount == 1 {
			return nil
		}
	}
	return fmt.Errorf("another writer kept changing it (%d attempts)", maxFreshnessAttempts)
}
