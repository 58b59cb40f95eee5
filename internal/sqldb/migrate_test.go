package sqldb_test

import (
	"sync"
	"testing"
	"testing/fstest"

	"github.com/prontuario/prontuario/internal/sqldb"
)

func migrations() fstest.MapFS {
	return fstest.MapFS{
		"0001_create_items.sqlite.sql":   {Data: []byte("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);")},
		"0001_create_items.postgres.sql": {Data: []byte("CREATE TABLE items (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL);")},
		"0002_add_size.sql": {Data: []byte(`ALTER TABLE items ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
CREATE INDEX items_by_name ON items (name);`)},
	}
}

func TestMigrateAppliesEachMigrationOnceInOrder(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		db := open(t, url)
		for range 2 {
			if err := sqldb.Migrate(t.Context(), db, "items", migrations()); err != nil {
				t.Fatalf("Migrate: %v", err)
			}
		}
		exec(t, db, "INSERT INTO items (name, size) VALUES (?, ?)", "x", 3)
		if n := count(t, db, "items"); n != 1 {
			t.Errorf("items = %d, want 1", n)
		}
		var applied int
		if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM schema_migrations WHERE component = 'items'").Scan(&applied); err != nil {
			t.Fatal(err)
		}
		if applied != 2 {
			t.Errorf("recorded migrations = %d, want 2", applied)
		}

		// A later migration is applied on the next start.
		more := migrations()
		more["0003_add_color.sql"] = &fstest.MapFile{Data: []byte("ALTER TABLE items ADD COLUMN color TEXT;")}
		if err := sqldb.Migrate(t.Context(), db, "items", more); err != nil {
			t.Fatalf("Migrate with a new file: %v", err)
		}
		exec(t, db, "UPDATE items SET color = 'red'")
	})
}

func TestMigrateKeepsComponentsApart(t *testing.T) {
	t.Parallel()
	db := open(t, "sqlite:"+t.TempDir()+"/x.db")
	a := fstest.MapFS{"0001_a.sql": {Data: []byte("CREATE TABLE a (x INTEGER);")}}
	b := fstest.MapFS{"0001_b.sql": {Data: []byte("CREATE TABLE b (x INTEGER);")}}
	for name, fsys := range map[string]fstest.MapFS{"a": a, "b": b} {
		if err := sqldb.Migrate(t.Context(), db, name, fsys); err != nil {
			t.Fatalf("Migrate(%s): %v", name, err)
		}
	}
	exec(t, db, "INSERT INTO a (x) VALUES (1)")
	exec(t, db, "INSERT INTO b (x) VALUES (1)")
}

func TestMigrateRollsBackAFailingMigration(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		db := open(t, url)
		bad := fstest.MapFS{
			"0001_ok.sql":     {Data: []byte("CREATE TABLE ok (x INTEGER);")},
			"0002_broken.sql": {Data: []byte("CREATE TABLE broken (x NOSUCHTYPE(;")},
		}
		if err := sqldb.Migrate(t.Context(), db, "bad", bad); err == nil {
			t.Fatal("Migrate of a broken file succeeded")
		}
		if _, err := db.ExecContext(t.Context(), "SELECT * FROM ok"); err == nil {
			t.Error("table of the first migration exists although the run failed")
		}
	})
}

func TestMigrateRejectsBadFileSets(t *testing.T) {
	t.Parallel()
	db := open(t, "sqlite:"+t.TempDir()+"/x.db")
	for name, fsys := range map[string]fstest.MapFS{
		"bad name":          {"create.sql": {Data: []byte("SELECT 1;")}},
		"duplicate version": {"0001_a.sql": {Data: []byte("SELECT 1;")}, "0001_b.sql": {Data: []byte("SELECT 1;")}},
		"common and dialect": {
			"0001_a.sql": {Data: []byte("SELECT 1;")}, "0001_a.sqlite.sql": {Data: []byte("SELECT 1;")},
		},
	} {
		if err := sqldb.Migrate(t.Context(), db, "x", fsys); err == nil {
			t.Errorf("%s: Migrate succeeded", name)
		}
	}
}

func TestConcurrentMigrateFromSeveralProcessesIsSafe(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			db := open(t, url) // one pool per "process"
			wg.Go(func() { errs <- sqldb.Migrate(t.Context(), db, "items", migrations()) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("Migrate: %v", err)
			}
		}
	})
}
