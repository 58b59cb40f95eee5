package sqldb

import (
	"context"
	"database/sql"
)

// Querier is what a *DB and a *Tx have in common: code that only reads or
// writes rows can take either.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

var (
	_ Querier = (*DB)(nil)
	_ Querier = (*Tx)(nil)
)

// Tx is a transaction opened by [DB.InTx]. It is not safe for concurrent use.
type Tx struct {
	tx          *sql.Tx
	db          *DB
	afterCommit []func()
	notified    map[string]bool
}

// Dialect is the database's SQL flavour.
func (tx *Tx) Dialect() Dialect { return tx.db.dialect }

// ExecContext runs a statement written with "?" placeholders.
func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(ctx, tx.db.dialect.Rebind(query), args...)
}

// QueryContext runs a query written with "?" placeholders.
func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(ctx, tx.db.dialect.Rebind(query), args...)
}

// QueryRowContext runs a query written with "?" placeholders that returns at most one row.
func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(ctx, tx.db.dialect.Rebind(query), args...)
}

// AfterCommit registers f to run once the transaction has committed; it
// never runs if the transaction rolls back.
func (tx *Tx) AfterCommit(f func()) { tx.afterCommit = append(tx.afterCommit, f) }
