package adapters

import (
	"context"
	"embed"
	"errors"
	"io/fs"

	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrate creates or updates the service's tables, the outbox's and the
// idempotency keys'.
func Migrate(ctx context.Context, db *sqldb.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	if err := sqldb.Migrate(ctx, db, "lab", sub); err != nil {
		return err
	}
	if err := outbox.Migrate(ctx, db); err != nil {
		return err
	}
	return idempotency.Migrate(ctx, db)
}

// Store keeps lab orders in a SQL database. It is safe for concurrent use.
type Store struct {
	db *sqldb.DB
}

var _ app.Store = (*Store)(nil)

// NewStore returns a store over db, which Migrate has prepared.
func NewStore(db *sqldb.DB) *Store { return &Store{db: db} }

// errStaleVersion means a row changed between its read and its write,
// which the row lock should make impossible.
var errStaleVersion = errors.New("lab order changed concurrently")
