package mongostore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

const activeID = "active"

// createGeneration indexes the generation's collections and registers it.
func (s *Store) createGeneration(ctx context.Context, name string) error {
	c := collectionsOf(s.shared.db, name)
	for coll, keys := range c.indexes() {
		if err := createIndexes(ctx, coll, keys...); err != nil {
			return err
		}
	}
	doc := generationDoc{Name: name, CreatedAt: time.Now().UTC().Format(time.RFC3339Nano)}
	if _, err := s.shared.db.Collection(generationsColl).InsertOne(ctx, doc); err != nil && !mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("register generation: %w", err)
	}
	return nil
}

// ensureDefaultGeneration creates and activates store.DefaultGeneration on
// a database without an active generation. Two processes doing it at once
// both succeed: the second insert is a duplicate.
func (s *Store) ensureDefaultGeneration(ctx context.Context) error {
	if _, err := s.readActive(ctx); !errors.Is(err, mongo.ErrNoDocuments) {
		return err
	}
	if err := s.createGeneration(ctx, store.DefaultGeneration); err != nil {
		return fmt.Errorf("generation %s: %w", store.DefaultGeneration, err)
	}
	_, err := s.shared.db.Collection(metaColl).InsertOne(ctx, activeDoc{ID: activeID, Generation: store.DefaultGeneration})
	if err != nil && !mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("activate generation %s: %w", store.DefaultGeneration, err)
	}
	return nil
}

// readActive reads the active generation from the database and caches it.
func (s *Store) readActive(ctx context.Context) (string, error) {
	var doc activeDoc
	if err := s.shared.db.Collection(metaColl).FindOne(ctx, bson.D{{Key: "_id", Value: activeID}}).Decode(&doc); err != nil {
		return "", fmt.Errorf("read active generation: %w", err)
	}
	s.shared.remember(doc.Generation)
	return doc.Generation, nil
}

func (sh *shared) remember(active string) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.active, sh.fetchedAt = active, time.Now()
}

// collections resolves the generation s works on: the bound one, which
// must still exist, or the active one, cached for Config.ActiveRefresh.
func (s *Store) collections(ctx context.Context) (collections, error) {
	if s.generation != "" {
		if err := s.mustExist(ctx, s.generation); err != nil {
			return collections{}, err
		}
		return collectionsOf(s.shared.db, s.generation), nil
	}
	active, err := s.cachedActive(ctx)
	if err != nil {
		return collections{}, err
	}
	return collectionsOf(s.shared.db, active), nil
}

// cachedActive returns the active generation, read from the database at
// most Config.ActiveRefresh ago.
func (s *Store) cachedActive(ctx context.Context) (string, error) {
	sh := s.shared
	sh.mu.Lock()
	active, fresh := sh.active, time.Since(sh.fetchedAt) < sh.cfg.ActiveRefresh
	sh.mu.Unlock()
	if fresh && active != "" {
		return active, nil
	}
	return s.readActive(ctx)
}

func (s *Store) mustExist(ctx context.Context, name string) error {
	err := s.shared.db.Collection(generationsColl).FindOne(ctx, bson.D{{Key: "_id", Value: name}}).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		return fmt.Errorf("generation %s: %w", name, store.ErrUnknownGeneration)
	}
	if err != nil {
		return fmt.Errorf("look up generation %s: %w", name, err)
	}
	return nil
}

// ActiveGeneration returns the name of the generation readers use, read
// from the database now.
func (s *Store) ActiveGeneration(ctx context.Context) (string, error) {
	return s.readActive(ctx)
}

// ActivateGeneration switches readers to the named generation, which must
// have been opened with OpenGeneration: one single-document write, seen at
// once by this process and within Config.ActiveRefresh by others.
func (s *Store) ActivateGeneration(ctx context.Context, name string) error {
	if err := check.Generation(name); err != nil {
		return err
	}
	if err := s.mustExist(ctx, name); err != nil {
		return err
	}
	_, err := s.shared.db.Collection(metaColl).ReplaceOne(ctx, bson.D{{Key: "_id", Value: activeID}},
		activeDoc{ID: activeID, Generation: name})
	if err != nil {
		return fmt.Errorf("activate generation %s: %w", name, err)
	}
	s.shared.remember(name)
	return nil
}

// DropGeneration drops the named generation's collections, then forgets
// it. It refuses the active generation (store.ErrActiveGeneration). Run it
// only once no reader can still use the generation (see the package doc),
// and not concurrently with ActivateGeneration of the same name.
func (s *Store) DropGeneration(ctx context.Context, name string) error {
	if err := check.Generation(name); err != nil {
		return err
	}
	if err := s.mustExist(ctx, name); err != nil {
		return err
	}
	active, err := s.readActive(ctx)
	if err != nil {
		return err
	}
	if active == name {
		return fmt.Errorf("drop generation %s: %w", name, store.ErrActiveGeneration)
	}
	for _, coll := range collectionsOf(s.shared.db, name).all() {
		if err := coll.Drop(ctx); err != nil {
			return fmt.Errorf("drop %s: %w", coll.Name(), err)
		}
	}
	if _, err := s.shared.db.Collection(generationsColl).DeleteOne(ctx, bson.D{{Key: "_id", Value: name}}); err != nil {
		return fmt.Errorf("unregister generation %s: %w", name, err)
	}
	return nil
}
