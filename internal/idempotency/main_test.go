package idempotency_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

var pg *pgtest.Cluster

func TestMain(m *testing.M) {
	var err error
	pg, err = pgtest.StartCluster()
	if err != nil && !errors.Is(err, pgtest.ErrNoPostgres) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if pg != nil {
		_ = pg.Stop()
	}
	os.Exit(code)
}

// eachDialect runs test on a migrated SQLite and PostgreSQL database.
func eachDialect(t *testing.T, test func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		test(t, openDB(t, "sqlite:"+filepath.Join(t.TempDir(), "idem.db")))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		if pg == nil {
			t.Skip("PostgreSQL server binaries not installed")
		}
		test(t, openDB(t, pg.NewDatabase(t)))
	})
}

func openDB(t *testing.T, url string) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(t.Context(), url, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := idempotency.Migrate(t.Context(), db); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	if _, err := db.ExecContext(t.Context(), "CREATE TABLE things (id TEXT PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	return db
}

func key(t *testing.T, value, body string) idempotency.Key {
	t.Helper()
	k, err := idempotency.NewKey(value, "POST", "/v1/things", []byte(body))
	if err != nil {
		t.Fatalf("NewKey: %v", err)
	}
	return k
}
