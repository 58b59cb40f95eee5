package idempotency

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/prontuario/prontuario/internal/sqldb"
)

var (
	// ErrNotFound is returned by Lookup when the key has no saved answer.
	ErrNotFound = errors.New("idempotency key not seen before")
	// ErrKeyReused is returned by Lookup when the key was first used for a
	// different request (another method, path or body).
	ErrKeyReused = errors.New("idempotency key was already used for a different request")
	// ErrDuplicate is returned by Record when a request with the same key
	// committed first; the transaction must roll back and the caller
	// replay that request's answer.
	ErrDuplicate = errors.New("a request with the same idempotency key completed first")
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrate creates or updates the idempotency_keys table.
func Migrate(ctx context.Context, db *sqldb.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	return sqldb.Migrate(ctx, db, "idempotency", sub)
}

// Record saves answer, as JSON, as the answer to the key ctx carries, within
// tx. Without a key in ctx it does nothing. Call it last in the command's
// transaction. It returns an error wrapping [ErrDuplicate] if the key was
// recorded by a transaction that committed first.
func Record(ctx context.Context, tx *sqldb.Tx, answer any) error {
	k, ok := KeyFrom(ctx)
	if !ok {
		return nil
	}
	body, err := json.Marshal(answer)
	if err != nil {
		return fmt.Errorf("idempotency: encode answer: %w", err)
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO idempotency_keys (idem_key, request_hash, answer, created_at) VALUES (?, ?, ?, ?)",
		k.Value, k.RequestHash, string(body), time.Now().UnixNano())
	if sqldb.IsUniqueViolation(err) {
		return fmt.Errorf("idempotency key %q: %w", k.Value, ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("idempotency: record key %q: %w", k.Value, err)
	}
	return nil
}

// Store looks up saved answers. It is safe for concurrent use.
type Store struct {
	db *sqldb.DB
}

// NewStore returns a store over db, which [Migrate] has prepared.
func NewStore(db *sqldb.DB) *Store { return &Store{db: db} }

// Lookup returns the answer saved for k, [ErrNotFound] if there is none, or
// [ErrKeyReused] if the key was saved for a different request.
func (s *Store) Lookup(ctx context.Context, k Key) ([]byte, error) {
	var hash, answer string
	err := s.db.QueryRowContext(ctx, "SELECT request_hash, answer FROM idempotency_keys WHERE idem_key = ?", k.Value).Scan(&hash, &answer)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, ErrNotFound
	case err != nil:
		return nil, fmt.Errorf("idempotency: look up key %q: %w", k.Value, err)
	case hash != k.RequestHash:
		return nil, ErrKeyReused
	}
	return []byte(answer), nil
}

// Purge deletes the keys saved more than maxAge ago and returns how many.
// A retry after that runs the command again.
func (s *Store) Purge(ctx context.Context, maxAge time.Duration) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM idempotency_keys WHERE created_at < ?", time.Now().Add(-maxAge).UnixNano())
	if err != nil {
		return 0, fmt.Errorf("idempotency: purge: %w", err)
	}
	return res.RowsAffected()
}
