package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/prontuario/prontuario/aggregator/store/internal/check"
	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
)

// Store is a read store in one SQLite database. A Store from Open reads and
// writes the active generation, resolved on every call; one from
// OpenGeneration is bound to its generation, which is what a writer should
// use so that its Load and Commit hit the same generation across a switch.
// It is safe for concurrent use.
type Store struct {
	conn *conn
	// generation is the bound generation, or "" to follow the active one.
	generation string
	// owner is set on the Store from Open, which closes the connections.
	owner bool
}

// conn is what every Store on one database shares.
type conn struct {
	writer *sql.DB // one connection: SQLite has one writer at a time
	reader *sql.DB
	codec  codec.Codec
}

// Open opens (creating if needed) the database at cfg.Path, migrates its
// schema, and on a new database creates and activates
// store.DefaultGeneration.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(cfg.Path), 0o750); err != nil {
		return nil, fmt.Errorf("create directory of %s: %w", cfg.Path, err)
	}
	writer, err := sql.Open("sqlite", cfg.dsn(true))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", cfg.Path, err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxLifetime(0)
	s := &Store{conn: &conn{writer: writer, codec: codec.New()}, owner: true}
	if err := s.setUp(ctx, cfg); err != nil {
		return nil, errors.Join(err, s.Close())
	}
	return s, nil
}

// setUp migrates the schema, then opens the readers (after the writer has
// put the file in WAL mode).
func (s *Store) setUp(ctx context.Context, cfg Config) error {
	if err := migrate(ctx, s.conn.writer); err != nil {
		return fmt.Errorf("migrate %s: %w", cfg.Path, err)
	}
	if err := s.ensureDefaultGeneration(ctx); err != nil {
		return err
	}
	reader, err := sql.Open("sqlite", cfg.dsn(false))
	if err != nil {
		return fmt.Errorf("open readers of %s: %w", cfg.Path, err)
	}
	reader.SetMaxOpenConns(cfg.MaxReaders)
	reader.SetMaxIdleConns(cfg.MaxReaders)
	s.conn.reader = reader
	return nil
}

// OpenGeneration returns a Store bound to the named generation, creating its
// tables if needed. It shares s's connections: closing it does nothing, and
// it must not be used after s is closed.
func (s *Store) OpenGeneration(ctx context.Context, name string) (*Store, error) {
	if err := check.Generation(name); err != nil {
		return nil, err
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error { return createGeneration(ctx, tx, name) })
	if err != nil {
		return nil, fmt.Errorf("open generation %s: %w", name, err)
	}
	return &Store{conn: s.conn, generation: name}, nil
}

// Close closes the database if s came from Open; it is a no-op on a Store
// from OpenGeneration.
func (s *Store) Close() error {
	if !s.owner {
		return nil
	}
	var errs []error
	if s.conn.reader != nil {
		errs = append(errs, s.conn.reader.Close())
	}
	errs = append(errs, s.conn.writer.Close())
	return errors.Join(errs...)
}

// writeTx runs fn in an immediate transaction on the writer connection.
func (s *Store) writeTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return inTx(ctx, s.conn.writer, false, fn)
}

// readTx runs fn in a read-only transaction, a consistent snapshot.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return inTx(ctx, s.conn.reader, true, fn)
}

func inTx(ctx context.Context, db *sql.DB, readOnly bool, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: readOnly})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// generationOf resolves the generation s works on, inside tx: the bound
// one, which must still exist, or the active one.
func (s *Store) generationOf(ctx context.Context, tx *sql.Tx) (tables, error) {
	name := s.generation
	if name == "" {
		active, err := activeGeneration(ctx, tx)
		if err != nil {
			return tables{}, err
		}
		return tablesOf(active), nil
	}
	if err := mustExist(ctx, tx, name); err != nil {
		return tables{}, err
	}
	return tablesOf(name), nil
}
