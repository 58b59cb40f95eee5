package sqlitestore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// migrations are applied in file name order; each file's leading number is
// its version, recorded in PRAGMA user_version. Files are never edited once
// released: a change is a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migrate applies the migrations the database lacks, all in one transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	return inTx(ctx, db, false, func(tx *sql.Tx) error {
		var current int
		if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		for _, name := range names {
			version, err := migrationVersion(name)
			if err != nil {
				return err
			}
			if version <= current {
				continue
			}
			body, err := migrations.ReadFile(name)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("apply %s: %w", name, err)
			}
			// PRAGMA takes no parameters; version is an integer we parsed.
			if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(version)); err != nil {
				return fmt.Errorf("record schema version %d: %w", version, err)
			}
			current = version
		}
		if latest, _ := migrationVersion(names[len(names)-1]); current > latest {
			return fmt.Errorf("database schema version %d is newer than this program's %d", current, latest)
		}
		return nil
	})
}

// migrationVersion parses the leading number of "migrations/0001_init.sql".
func migrationVersion(name string) (int, error) {
	base := strings.TrimPrefix(name, "migrations/")
	num, _, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(num)
	if !ok || err != nil || v < 1 {
		return 0, fmt.Errorf("migration %s: name must start with a positive number and '_'", name)
	}
	return v, nil
}
