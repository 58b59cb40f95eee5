package sqldb_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/sqldb"
)

func TestOpenSQLiteCreatesTheDirectoryAndAcceptsBothForms(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, url := range []string{
		"sqlite:" + filepath.Join(dir, "a", "b", "one.db"),
		filepath.Join(dir, "two.db"),
		"sqlite:" + filepath.Join(dir, "three.db") + "?_busy_timeout=500",
	} {
		db := open(t, url)
		if db.Dialect() != sqldb.SQLite {
			t.Errorf("Open(%s).Dialect() = %s, want sqlite", url, db.Dialect())
		}
		exec(t, db, "CREATE TABLE t (a INTEGER)")
	}
	if _, err := os.Stat(filepath.Join(dir, "a", "b", "one.db")); err != nil {
		t.Errorf("database file not created: %v", err)
	}
}

func TestOpenSQLiteUsesWALAndForeignKeys(t *testing.T) {
	t.Parallel()
	db := open(t, "sqlite:"+filepath.Join(t.TempDir(), "x.db"))
	var mode string
	var fk int
	if err := db.QueryRowContext(t.Context(), "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(t.Context(), "PRAGMA foreign_keys").Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode = %q, foreign_keys = %d; want wal and 1", mode, fk)
	}
}

func TestOpenRejectsUnusableURLs(t *testing.T) {
	t.Parallel()
	for _, url := range []string{"", "sqlite:", "sqlite::memory:", "mysql://u@h/db"} {
		if _, err := sqldb.Open(t.Context(), url, nil); !errors.Is(err, sqldb.ErrBadURL) {
			t.Errorf("Open(%q) = %v, want ErrBadURL", url, err)
		}
	}
}

func TestOpenPostgresReportsAnUnreachableServer(t *testing.T) {
	t.Parallel()
	_, err := sqldb.Open(t.Context(), "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", nil)
	if err == nil {
		t.Fatal("Open of an unreachable server succeeded")
	}
	if got := err.Error(); strings.Contains(got, "secret") {
		t.Errorf("error leaks the password: %s", got)
	}
}
