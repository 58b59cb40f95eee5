package mongostore

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/mongo/writeconcern"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// accessWriteConcern is the write concern of access log appends, set on the
// collection explicitly rather than inherited from the connection string:
// an entry is acknowledged only once a majority of the replica set has it
// in its journal, so a served read is never left unaudited by a failover.
var accessWriteConcern = &writeconcern.WriteConcern{W: "majority", Journal: &journaled}

var journaled = true

// AppendAccessBatch records the reads of one request in one insertMany
// with write concern majority and journal. It returns nil only when every
// entry is stored (entries whose id is already stored count as stored, so
// retrying is safe); on an error, the caller must treat the reads as not
// logged.
func (s *Store) AppendAccessBatch(ctx context.Context, es []history.AccessEntry) error {
	docs := make([]any, len(es))
	for i, e := range es {
		if err := check.AccessEntry(e); err != nil {
			return err
		}
		doc, err := s.shared.codec.Marshal(e)
		if err != nil {
			return fmt.Errorf("%w: access entry %s: %v", store.ErrInvalidWrite, e.ID, err)
		}
		docs[i] = bson.Raw(doc)
	}
	if len(es) == 0 {
		return nil
	}
	coll := s.shared.db.Collection(accessLog, options.Collection().SetWriteConcern(accessWriteConcern))
	_, err := coll.InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
	if err != nil && !onlyDuplicates(err) {
		return fmt.Errorf("append %d access entries: %w", len(es), err)
	}
	return nil
}

// onlyDuplicates reports whether err is a bulk write error whose every
// write error is a duplicate key, with no write concern error.
func onlyDuplicates(err error) bool {
	var bulk mongo.BulkWriteException
	if !errors.As(err, &bulk) || bulk.WriteConcernError != nil || len(bulk.WriteErrors) == 0 {
		return false
	}
	for _, we := range bulk.WriteErrors {
		if we.Code != 11000 {
			return false
		}
	}
	return true
}
