package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/jackc/pgx/v5"
)

// DB is an open database and its dialect. It is safe for concurrent use.
type DB struct {
	db      *sql.DB
	dialect Dialect
	url     string
	logger  *slog.Logger
	// writeMu serialises this process's SQLite write transactions, so they
	// queue in Go instead of sleeping in SQLite's busy handler.
	writeMu sync.Mutex
	hub     hub
	// listenConnect opens a LISTEN connection (listenConn; tests make it fail).
	listenConnect func(ctx context.Context, channel string) (*pgx.Conn, error)
}

func newDB(db *sql.DB, dialect Dialect, url string, logger *slog.Logger) *DB {
	d := &DB{db: db, dialect: dialect, url: url, logger: logger, hub: hub{subs: map[string]map[chan struct{}]struct{}{}}}
	d.listenConnect = d.listenConn
	return d
}

// Dialect is the database's SQL flavour.
func (db *DB) Dialect() Dialect { return db.dialect }

// Std returns the underlying *sql.DB, for what this package does not wrap.
// Queries sent through it are not rebound.
func (db *DB) Std() *sql.DB { return db.db }

// Close closes the database.
func (db *DB) Close() error { return db.db.Close() }

// PingContext checks that the database answers (readiness probes).
func (db *DB) PingContext(ctx context.Context) error { return db.db.PingContext(ctx) }

// ExecContext runs a statement written with "?" placeholders.
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.db.ExecContext(ctx, db.dialect.Rebind(query), args...)
}

// QueryContext runs a query written with "?" placeholders.
func (db *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.db.QueryContext(ctx, db.dialect.Rebind(query), args...)
}

// QueryRowContext runs a query written with "?" placeholders that returns at most one row.
func (db *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return db.db.QueryRowContext(ctx, db.dialect.Rebind(query), args...)
}

// InTx runs fn in a transaction. The transaction commits if fn returns nil
// and rolls back otherwise (also if fn panics); then, only after a
// successful commit, the functions given to [Tx.AfterCommit] run, in order.
// fn's error is returned as is, so callers can match it with errors.Is/As.
//
// On SQLite one InTx of this process runs at a time: never call InTx from
// inside fn.
func (db *DB) InTx(ctx context.Context, fn func(*Tx) error) (err error) {
	if db.dialect == SQLite {
		db.writeMu.Lock()
		defer db.writeMu.Unlock()
	}
	sqlTx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	tx := &Tx{tx: sqlTx, db: db}
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		if rbErr := sqlTx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
			db.logger.Warn("rollback failed", "err", rbErr)
		}
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	for _, f := range tx.afterCommit {
		f()
	}
	return nil
}
