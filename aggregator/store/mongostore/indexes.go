package mongostore

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// collections are one generation's collections.
type collections struct {
	name                                  string
	patients, encounters, billable, audit *mongo.Collection
	deadLetters, freshness                *mongo.Collection
}

func collectionsOf(db *mongo.Database, generation string) collections {
	c := func(name string) *mongo.Collection { return db.Collection("g_" + generation + "_" + name) }
	return collections{
		name:        generation,
		patients:    c("patients"),
		encounters:  c("encounters"),
		billable:    c("billable"),
		audit:       c("audit"),
		deadLetters: c("dead_letters"),
		freshness:   c("freshness"),
	}
}

func (c collections) all() []*mongo.Collection {
	return []*mongo.Collection{c.patients, c.encounters, c.billable, c.audit, c.deadLetters, c.freshness}
}

// index is one secondary index; _id is unique by itself (the audit
// entry's _id is its event id).
type index struct {
	name string
	keys bson.D
}

// indexes are the indexes of every query of the generation.
func (c collections) indexes() map[*mongo.Collection][]index {
	asc := func(k string) bson.E { return bson.E{Key: k, Value: 1} }
	desc := func(k string) bson.E { return bson.E{Key: k, Value: -1} }
	return map[*mongo.Collection][]index{
		c.patients: {
			{"by_name_prefix", bson.D{asc("namePrefixes"), asc("_id")}},
			{"by_birth_date", bson.D{asc("demographics.birthDate"), asc("_id")}},
		},
		c.encounters: {{"by_patient_sort_time", bson.D{asc("patientId"), desc("sortTime"), desc("_id")}}},
		c.billable: {
			{"by_service_date", bson.D{asc("serviceDate"), asc("_id")}},
			{"by_encounter", bson.D{asc("encounterId")}},
		},
		c.audit: {
			{"by_patient_occurred_at", bson.D{asc("patientId"), asc("provenance.occurredAt"), asc("_id")}},
			{"by_source", bson.D{asc("provenance.source")}},
		},
		c.deadLetters: {{"by_source", bson.D{asc("source")}}},
	}
}

// createIndexes creates those of indexes that coll lacks. Listing first
// keeps a re-open from re-creating existing indexes: FerretDB 1.24 panics
// (and drops the connection) on a createIndexes call naming two or more
// indexes that already exist.
func createIndexes(ctx context.Context, coll *mongo.Collection, indexes ...index) error {
	specs, err := coll.Indexes().ListSpecifications(ctx)
	if err != nil {
		return fmt.Errorf("list indexes of %s: %w", coll.Name(), err)
	}
	exists := map[string]bool{}
	for _, spec := range specs {
		exists[spec.Name] = true
	}
	var models []mongo.IndexModel
	for _, ix := range indexes {
		if !exists[ix.name] {
			models = append(models, mongo.IndexModel{Keys: ix.keys, Options: options.Index().SetName(ix.name)})
		}
	}
	if len(models) == 0 {
		return nil
	}
	if _, err := coll.Indexes().CreateMany(ctx, models); err != nil {
		return fmt.Errorf("create indexes of %s: %w", coll.Name(), err)
	}
	return nil
}

// createSharedIndexes indexes the collections outside generations.
func createSharedIndexes(ctx context.Context, db *mongo.Database) error {
	return createIndexes(ctx, db.Collection(accessLog),
		index{"by_patient", bson.D{{Key: "patientId", Value: 1}, {Key: "_id", Value: 1}}})
}

// Names of the collections outside generations.
const (
	metaColl        = "meta"
	generationsColl = "generations"
	accessLog       = "access_log"
)
