package adapters

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/app"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrate creates or updates every table the Store writes: imaging studies,
// the outbox and the idempotency keys.
func Migrate(ctx context.Context, db *sqldb.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	if err := sqldb.Migrate(ctx, db, "imaging", sub); err != nil {
		return err
	}
	if err := outbox.Migrate(ctx, db); err != nil {
		return err
	}
	return idempotency.Migrate(ctx, db)
}

// Store keeps imaging studies in a SQL database. It is safe for concurrent use.
type Store struct {
	db *sqldb.DB
}

var _ app.Store = (*Store)(nil)

// NewStore returns a store over db, which Migrate has prepared.
func NewStore(db *sqldb.DB) *Store { return &Store{db: db} }

// errStaleVersion means a row changed between its read and its write,
// which the row lock (or SQLite's write lock) makes impossible.
var errStaleVersion = errors.New("imaging study changed concurrently")

// commit writes what every change writes besides the row: the event to the
// outbox, and the receipt for the request's idempotency key.
func commit(ctx context.Context, tx *sqldb.Tx, s *study.Study, ev contracts.Event) error {
	if ev.AggregateID != s.ID() || ev.AggregateVersion != s.Version() {
		return fmt.Errorf("event %s is for %s v%d, not study %s v%d", ev.ID, ev.AggregateID, ev.AggregateVersion, s.ID(), s.Version())
	}
	if err := outbox.Append(ctx, tx, ev); err != nil {
		return err
	}
	return idempotency.Record(ctx, tx, app.NewReceipt(ev))
}
