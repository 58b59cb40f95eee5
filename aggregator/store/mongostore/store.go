package mongostore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"github.com/prontuario/prontuario/aggregator/store/internal/check"
	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
)

// Store is a read store in one MongoDB database. A Store from Open reads
// and writes the active generation; one from OpenGeneration is bound to its
// generation, which is what a writer should use so that its Load and Commit
// hit the same generation across a switch. It is safe for concurrent use.
type Store struct {
	shared *shared
	// generation is the bound generation, or "" to follow the active one.
	generation string
	owner      bool
}

// shared is what every Store on one database has in common.
type shared struct {
	cfg    Config
	client *mongo.Client
	db     *mongo.Database
	codec  codec.Codec

	mu        sync.Mutex // guards the cached active generation
	active    string
	fetchedAt time.Time
}

// Open connects to cfg.URI, creates the shared indexes, and on a new
// database creates and activates store.DefaultGeneration.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := codec.New()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(cfg.URI).SetRegistry(c.Registry()).
		SetConnectTimeout(cfg.ConnectTimeout).SetServerSelectionTimeout(cfg.ConnectTimeout))
	if err != nil {
		return nil, fmt.Errorf("connect to MongoDB: %w", err)
	}
	s := &Store{shared: &shared{cfg: cfg, client: client, db: client.Database(cfg.Database), codec: c}, owner: true}
	if err := s.setUp(ctx); err != nil {
		return nil, errors.Join(err, s.Close())
	}
	return s, nil
}

func (s *Store) setUp(ctx context.Context) error {
	pingCtx, cancel := context.WithTimeout(ctx, s.shared.cfg.ConnectTimeout)
	defer cancel()
	if err := s.shared.client.Ping(pingCtx, nil); err != nil {
		return fmt.Errorf("ping MongoDB: %w", err)
	}
	if err := createSharedIndexes(ctx, s.shared.db); err != nil {
		return err
	}
	return s.ensureDefaultGeneration(ctx)
}

// OpenGeneration returns a Store bound to the named generation, creating
// its collections' indexes if needed. It shares s's connection: closing it
// does nothing, and it must not be used after s is closed.
func (s *Store) OpenGeneration(ctx context.Context, name string) (*Store, error) {
	if err := check.Generation(name); err != nil {
		return nil, err
	}
	if err := s.createGeneration(ctx, name); err != nil {
		return nil, fmt.Errorf("open generation %s: %w", name, err)
	}
	return &Store{shared: s.shared, generation: name}, nil
}

// Close disconnects if s came from Open; it is a no-op on a Store from
// OpenGeneration.
func (s *Store) Close() error {
	if !s.owner {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.shared.cfg.ConnectTimeout)
	defer cancel()
	return s.shared.client.Disconnect(ctx)
}
