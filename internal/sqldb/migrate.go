package sqldb

import (
	"context"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"time"
)

// migrationFile is NNNN_name.sql (both dialects) or NNNN_name.<dialect>.sql.
var migrationFile = regexp.MustCompile(`^(\d+)_([a-z0-9_]+)(?:\.(sqlite|postgres))?\.sql$`)

// migrateLockKey is the PostgreSQL advisory lock that serialises migrations
// of processes starting at the same time.
const migrateLockKey = 7_140_114_200_001

type migration struct {
	version int
	name    string
	sql     string
}

// Migrate applies, in one transaction, every migration of component found at
// the root of fsys that the database has not applied yet, in version order,
// and records each in the schema_migrations table. File names are
// "0001_create_things.sql" for SQL both dialects accept, or
// "0001_create_things.sqlite.sql" plus "0001_create_things.postgres.sql"
// where they differ. Versions of a component must be unique, and an applied
// migration must never be edited: add a new one. Components are
// independent: each package that owns tables (outbox, idempotency, a
// service's repository) migrates its own. Concurrent Migrate calls from
// several processes are safe.
func Migrate(ctx context.Context, db *DB, component string, fsys fs.FS) error {
	ms, err := readMigrations(fsys, db.dialect)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", component, err)
	}
	return db.InTx(ctx, func(tx *Tx) error {
		if db.dialect == Postgres {
			if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", int64(migrateLockKey)); err != nil {
				return fmt.Errorf("migrate %s: lock: %w", component, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			component  TEXT NOT NULL,
			version    INTEGER NOT NULL,
			name       TEXT NOT NULL,
			applied_at BIGINT NOT NULL,
			PRIMARY KEY (component, version))`); err != nil {
			return fmt.Errorf("migrate %s: create schema_migrations: %w", component, err)
		}
		applied, err := appliedVersions(ctx, tx, component)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", component, err)
		}
		for _, m := range ms {
			if applied[m.version] {
				continue
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migrate %s: %04d_%s: %w", component, m.version, m.name, err)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (component, version, name, applied_at) VALUES (?, ?, ?, ?)",
				component, m.version, m.name, time.Now().UnixNano()); err != nil {
				return fmt.Errorf("migrate %s: record %04d_%s: %w", component, m.version, m.name, err)
			}
		}
		return nil
	})
}

// readMigrations returns the migrations of fsys that apply to dialect, sorted.
func readMigrations(fsys fs.FS, dialect Dialect) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	byVersion := map[int]migration{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		m := migrationFile.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("%s: not a migration file name (want NNNN_name.sql or NNNN_name.<sqlite|postgres>.sql)", e.Name())
		}
		if m[3] != "" && m[3] != dialect.String() {
			continue
		}
		version, _ := strconv.Atoi(m[1])
		if other, dup := byVersion[version]; dup {
			return nil, fmt.Errorf("%s: version %d is also used by %s", e.Name(), version, other.name)
		}
		body, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		byVersion[version] = migration{version: version, name: m[2], sql: string(body)}
	}
	ms := make([]migration, 0, len(byVersion))
	for _, m := range byVersion {
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

func appliedVersions(ctx context.Context, tx *Tx, component string) (map[int]bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT version FROM schema_migrations WHERE component = ?", component)
	if err != nil {
		return nil, fmt.Errorf("read applied versions: %w", err)
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("read applied versions: %w", err)
		}
		applied[v] = true
	}
	return applied, rows.Err()
}
