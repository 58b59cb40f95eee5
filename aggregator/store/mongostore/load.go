package mongostore

import (
	"context"
	"fmt"
	"slices"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"github.com/prontuario/prontuario/aggregator/history"
)

// maxInList bounds the ids of one $in filter.
const maxInList = 500

// Load returns the stored patients and encounters with the given ids, keyed
// by id; ids that are not stored are absent from the maps.
func (s *Store) Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error) {
	c, err := s.collections(ctx)
	if err != nil {
		return nil, nil, err
	}
	patients := make(map[string]history.Patient, len(patientIDs))
	err = findByID(ctx, c.patients, patientIDs, func(d patientDoc) { patients[d.ID] = d.Patient })
	if err != nil {
		return nil, nil, fmt.Errorf("load patients: %w", err)
	}
	encounters := make(map[string]history.Encounter, len(encounterIDs))
	err = findByID(ctx, c.encounters, encounterIDs, func(d encounterDoc) { encounters[d.ID] = d.Encounter })
	if err != nil {
		return nil, nil, fmt.Errorf("load encounters: %w", err)
	}
	return patients, encounters, nil
}

// findByID decodes the documents of coll whose _id is in ids.
func findByID[T any](ctx context.Context, coll *mongo.Collection, ids []string, put func(T)) error {
	for chunk := range slices.Chunk(ids, maxInList) {
		cur, err := coll.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: chunk}}}})
		if err != nil {
			return err
		}
		if err := each(ctx, cur, put); err != nil {
			return err
		}
	}
	return nil
}

// each decodes every document of cur and closes it.
func each[T any](ctx context.Context, cur *mongo.Cursor, put func(T)) error {
	defer cur.Close(ctx)
	for cur.Next(ctx) {
		var v T
		if err := cur.Decode(&v); err != nil {
			return err
		}
		put(v)
	}
	return cur.Err()
}
