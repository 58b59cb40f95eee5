package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// ErrBadURL is returned by Open for a database URL it cannot use.
var ErrBadURL = errors.New("bad database URL")

// sqliteDefaults are the connection settings of every SQLite database; a
// URL's own query parameters override them.
var sqliteDefaults = map[string]string{
	"_journal_mode": "WAL",   // readers never block the writer
	"_busy_timeout": "10000", // wait up to 10 s for another process's write lock
	"_foreign_keys": "1",
	"_synchronous":  "NORMAL", // durable at checkpoints; safe with WAL
	"_txlock":       "immediate",
}

// Open opens and pings the database at rawURL:
//
//	postgres://user:pass@host:5432/db?sslmode=disable   PostgreSQL through pgx
//	sqlite:path/to/file.db  or  path/to/file.db         SQLite; the directory is created
//
// SQLite transactions begin IMMEDIATE (taking the write lock up front, so two
// writers never deadlock into SQLITE_BUSY) and [DB.InTx] lets one
// transaction of this process write at a time. A nil logger discards logs.
func Open(ctx context.Context, rawURL string, logger *slog.Logger) (*DB, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	var (
		db      *sql.DB
		dialect Dialect
		err     error
	)
	switch {
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		dialect = Postgres
		db, err = sql.Open("pgx", rawURL)
		if err == nil {
			db.SetMaxOpenConns(20)
			db.SetMaxIdleConns(10)
			db.SetConnMaxIdleTime(5 * time.Minute)
		}
	default:
		dialect = SQLite
		var dsn string
		if dsn, err = sqliteDSN(rawURL); err == nil {
			db, err = sql.Open("sqlite", dsn)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open %s database %s: %w", dialect, redact(rawURL), err)
	}
	return newDB(db, dialect, rawURL, logger), nil
}

// sqliteDSN turns "sqlite:path?params" or "path?params" into modernc's DSN,
// creating the file's directory.
func sqliteDSN(rawURL string) (string, error) {
	rest := strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite:"), "//")
	path, query, _ := strings.Cut(rest, "?")
	if path == "" || strings.Contains(path, "://") {
		return "", fmt.Errorf("%w: %q is neither postgres://... nor sqlite:path", ErrBadURL, rawURL)
	}
	if path == ":memory:" {
		return "", fmt.Errorf("%w: in-memory SQLite is not supported (each connection would see its own database); use a file", ErrBadURL)
	}
	params, err := url.ParseQuery(query)
	if err != nil {
		return "", fmt.Errorf("%w: %q: %v", ErrBadURL, rawURL, err)
	}
	for k, v := range sqliteDefaults {
		if !params.Has(k) {
			params.Set(k, v)
		}
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return "", fmt.Errorf("create directory of %s: %w", path, err)
		}
	}
	return "file:" + path + "?" + params.Encode(), nil
}

// redact hides the password of a URL in error messages.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.User == nil {
		return rawURL
	}
	return u.Redacted()
}
