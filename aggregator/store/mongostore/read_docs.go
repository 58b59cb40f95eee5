package mongostore

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// Patient returns the patient document, or history.ErrNotFound.
func (s *Store) Patient(ctx context.Context, id string) (history.Patient, error) {
	if err := check.ID("patient", id); err != nil {
		return history.Patient{}, err
	}
	c, err := s.collections(ctx)
	if err != nil {
		return history.Patient{}, err
	}
	var d patientDoc
	if err := findOne(ctx, c.patients, id, &d); err != nil {
		return history.Patient{}, fmt.Errorf("patient %s: %w", id, err)
	}
	return d.Patient, nil
}

// Encounter returns the encounter document, or history.ErrNotFound.
func (s *Store) Encounter(ctx context.Context, id string) (history.Encounter, error) {
	if err := check.ID("encounter", id); err != nil {
		return history.Encounter{}, err
	}
	c, err := s.collections(ctx)
	if err != nil {
		return history.Encounter{}, err
	}
	var d encounterDoc
	if err := findOne(ctx, c.encounters, id, &d); err != nil {
		return history.Encounter{}, fmt.Errorf("encounter %s: %w", id, err)
	}
	return d.Encounter, nil
}

// EventApplied reports whether the event has an audit entry, i.e. its
// effects are committed in the generation.
func (s *Store) EventApplied(ctx context.Context, eventID string) (bool, error) {
	if err := check.ID("event", eventID); err != nil {
		return false, err
	}
	c, err := s.collections(ctx)
	if err != nil {
		return false, err
	}
	err = c.audit.FindOne(ctx, bson.D{{Key: "_id", Value: eventID}},
		options.FindOne().SetProjection(bson.D{{Key: "_id", Value: 1}})).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("event %s applied: %w", eventID, err)
	}
	return true, nil
}

// findOne decodes the document with the given _id into v.
func findOne(ctx context.Context, coll *mongo.Collection, id string, v any) error {
	err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(v)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return history.ErrNotFound
	}
	return err
}
