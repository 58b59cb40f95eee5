// Package readstore opens the configured read store, SQLite (the embedded
// default) or MongoDB (production), from the environment, so that the
// aggregator and the GraphQL API open the same store the same way.
package readstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/mongostore"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
)

// Kinds of read store.
const (
	KindSQLite  = "sqlite"
	KindMongoDB = "mongodb"
)

// Config selects and configures the read store.
type Config struct {
	// Kind is KindSQLite (default) or KindMongoDB. Env PRONTUARIO_READSTORE.
	Kind string
	// SQLitePath is the SQLite file. Env PRONTUARIO_READSTORE_PATH, default
	// ".prontuario/readmodel.db".
	SQLitePath string
	// MongoURI is the MongoDB connection string, TLS and credentials
	// included (tls=true, authSource=...). Env PRONTUARIO_MONGODB_URI.
	MongoURI string
	// MongoDatabase is the database name. Env PRONTUARIO_MONGODB_DATABASE,
	// default "prontuario".
	MongoDatabase string
}

// FromEnv reads the configuration from getenv, with defaults.
func FromEnv(getenv func(string) string) Config {
	c := Config{
		Kind:          strings.ToLower(getenv("PRONTUARIO_READSTORE")),
		SQLitePath:    getenv("PRONTUARIO_READSTORE_PATH"),
		MongoURI:      getenv("PRONTUARIO_MONGODB_URI"),
		MongoDatabase: getenv("PRONTUARIO_MONGODB_DATABASE"),
	}
	if c.Kind == "" {
		c.Kind = KindSQLite
	}
	if c.SQLitePath == "" {
		c.SQLitePath = ".prontuario/readmodel.db"
	}
	if c.MongoDatabase == "" {
		c.MongoDatabase = "prontuario"
	}
	return c
}

// Validate reports every problem at once.
func (c Config) Validate() error {
	var errs []error
	switch c.Kind {
	case KindSQLite:
		if c.SQLitePath == "" {
			errs = append(errs, errors.New("PRONTUARIO_READSTORE_PATH is required for the sqlite read store"))
		}
	case KindMongoDB:
		if c.MongoURI == "" {
			errs = append(errs, errors.New("PRONTUARIO_MONGODB_URI is required for the mongodb read store"))
		}
		if c.MongoDatabase == "" {
			errs = append(errs, errors.New("PRONTUARIO_MONGODB_DATABASE must not be empty"))
		}
	default:
		errs = append(errs, fmt.Errorf("PRONTUARIO_READSTORE %q must be %s or %s", c.Kind, KindSQLite, KindMongoDB))
	}
	return errors.Join(errs...)
}

// Store is the whole port both adapters implement; each consumer declares
// the small part it uses.
type Store interface {
	Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error)
	Commit(ctx context.Context, b store.Batch) error
	Patient(ctx context.Context, id string) (history.Patient, error)
	Encounter(ctx context.Context, id string) (history.Encounter, error)
	Encounters(ctx context.Context, q history.EncounterQuery) (history.Page[history.Encounter], error)
	Patients(ctx context.Context, q history.PatientQuery) (history.Page[history.Patient], error)
	BillableItems(ctx context.Context, q history.BillableQuery) (history.Page[history.BillableItem], error)
	AuditTrail(ctx context.Context, q history.AuditQuery) (history.Page[history.AuditEntry], error)
	Freshness(ctx context.Context) ([]history.SourceFreshness, error)
	EventApplied(ctx context.Context, eventID string) (bool, error)
	AppendAccess(ctx context.Context, e history.AccessEntry) error
	AccessLog(ctx context.Context, q history.AccessQuery) (history.Page[history.AccessEntry], error)
	BatchStore
	ActiveGeneration(ctx context.Context) (string, error)
	ActivateGeneration(ctx context.Context, name string) error
	DropGeneration(ctx context.Context, name string) error
	Close() error
}

var (
	_ Store = (*sqlitestore.Store)(nil)
	_ Store = (*mongostore.Store)(nil)
)

// Open opens the configured store on its active generation.
func Open(ctx context.Context, c Config) (Store, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	switch c.Kind {
	case KindMongoDB:
		s, err := mongostore.Open(ctx, mongostore.Config{URI: c.MongoURI, Database: c.MongoDatabase})
		if err != nil {
			return nil, fmt.Errorf("open mongodb read store: %w", err)
		}
		return s, nil
	default:
		s, err := sqlitestore.Open(ctx, sqlitestore.Config{Path: c.SQLitePath})
		if err != nil {
			return nil, fmt.Errorf("open sqlite read store %s: %w", c.SQLitePath, err)
		}
		return s, nil
	}
}

// OpenGeneration returns a store bound to generation name of s, which must
// come from Open.
func OpenGeneration(ctx context.Context, s Store, name string) (Store, error) {
	switch st := s.(type) {
	case *sqlitestore.Store:
		g, err := st.OpenGeneration(ctx, name)
		if err != nil {
			return nil, err
		}
		return g, nil
	case *mongostore.Store:
		g, err := st.OpenGeneration(ctx, name)
		if err != nil {
			return nil, err
		}
		return g, nil
	}
	return nil, fmt.Errorf("store %T has no generations", s)
}
