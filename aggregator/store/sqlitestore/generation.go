package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// createGeneration creates the generation's tables (if missing) and
// registers it.
func createGeneration(ctx context.Context, tx *sql.Tx, name string) error {
	if _, err := tx.ExecContext(ctx, tablesOf(name).schema()); err != nil {
		return fmt.Errorf("create tables: %w", err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO generations (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
		name, time.Now().UTC().Format(time.RFC3339Nano))
	if err != nil {
		return fmt.Errorf("register generation: %w", err)
	}
	return nil
}

// activeGeneration reads the active generation's name.
func activeGeneration(ctx context.Context, tx *sql.Tx) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'active'`).Scan(&name)
	if err != nil {
		return "", fmt.Errorf("read active generation: %w", err)
	}
	return name, nil
}

// ensureDefaultGeneration creates and activates store.DefaultGeneration on a
// database that has no active generation yet.
func (s *Store) ensureDefaultGeneration(ctx context.Context) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := activeGeneration(ctx, tx)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := createGeneration(ctx, tx, store.DefaultGeneration); err != nil {
			return fmt.Errorf("generation %s: %w", store.DefaultGeneration, err)
		}
		return setActive(ctx, tx, store.DefaultGeneration)
	})
}

func setActive(ctx context.Context, tx *sql.Tx, name string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('active', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, name)
	if err != nil {
		return fmt.Errorf("activate generation %s: %w", name, err)
	}
	return nil
}

// ActiveGeneration returns the name of the generation readers use.
func (s *Store) ActiveGeneration(ctx context.Context) (string, error) {
	var name string
	err := s.readTx(ctx, func(tx *sql.Tx) (err error) {
		name, err = activeGeneration(ctx, tx)
		return err
	})
	return name, err
}

// ActivateGeneration switches every reader to the named generation, which
// must have been opened with OpenGeneration. The switch is one transaction:
// a query sees either the old generation or the new one, never a mix.
func (s *Store) ActivateGeneration(ctx context.Context, name string) error {
	if err := check.Generation(name); err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, name); err != nil {
			return err
		}
		return setActive(ctx, tx, name)
	})
}

// DropGeneration deletes the named generation's tables. It refuses the
// active generation (store.ErrActiveGeneration).
func (s *Store) DropGeneration(ctx context.Context, name string) error {
	if err := check.Generation(name); err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, name); err != nil {
			return err
		}
		active, err := activeGeneration(ctx, tx)
		if err != nil {
			return err
		}
		if active == name {
			return fmt.Errorf("drop generation %s: %w", name, store.ErrActiveGeneration)
		}
		for _, t := range tablesOf(name).all() {
			if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS `+t); err != nil {
				return fmt.Errorf("drop %s: %w", t, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM generations WHERE name = ?`, name); err != nil {
			return fmt.Errorf("unregister generation %s: %w", name, err)
		}
		return nil
	})
}

// mustExist fails with store.ErrUnknownGeneration unless name is registered.
func mustExist(ctx context.Context, tx *sql.Tx, name string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM generations WHERE name = ?`, name).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("generation %s: %w", name, store.ErrUnknownGeneration)
	}
	if err != nil {
		return fmt.Errorf("look up generation %s: %w", name, err)
	}
	return nil
}
