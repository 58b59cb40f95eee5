package adapters_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/prescription/adapters"
	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

// pg is the test PostgreSQL server, nil when its binaries are missing.
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

// fixture is a migrated database, its store and the application over it.
type fixture struct {
	db    *sqldb.DB
	store *adapters.Store
	app   app.Application
}

// eachDatabase runs test on a fresh SQLite file and on a fresh PostgreSQL
// database, each seeded with the demo catalog: the contract suite.
func eachDatabase(t *testing.T, test func(t *testing.T, f fixture)) {
	t.Helper()
	run := func(t *testing.T, url string) {
		ctx := context.Background()
		db, err := sqldb.Open(ctx, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		if err := adapters.Migrate(ctx, db); err != nil {
			t.Fatal(err)
		}
		s := adapters.NewStore(db)
		if err := app.SeedDemoCatalog(ctx, s); err != nil {
			t.Fatal(err)
		}
		test(t, fixture{db: db, store: s, app: app.New(s, func() time.Time { return now })})
	}
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		run(t, "sqlite:"+filepath.Join(t.TempDir(), "prescription.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		if pg == nil {
			t.Skip("PostgreSQL server binaries not installed")
		}
		run(t, pg.NewDatabase(t))
	})
}
