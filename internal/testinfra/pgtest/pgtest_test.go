package pgtest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

var pg *pgtest.Cluster

func TestMain(m *testing.M) {
	began := time.Now()
	var err error
	pg, err = pgtest.StartCluster()
	switch {
	case errors.Is(err, pgtest.ErrNoPostgres):
		fmt.Fprintln(os.Stderr, "pgtest: skipping:", err)
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	default:
		fmt.Fprintf(os.Stderr, "pgtest: cluster started in %s\n", time.Since(began).Round(time.Millisecond))
	}
	code := m.Run()
	if pg != nil {
		if err := pg.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

func cluster(t *testing.T) *pgtest.Cluster {
	t.Helper()
	if pg == nil {
		t.Skip("PostgreSQL server binaries not installed")
	}
	return pg
}

func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestEachDatabaseIsIsolated(t *testing.T) {
	t.Parallel()
	c := cluster(t)
	ctx := t.Context()
	dsns := []string{c.NewDatabase(t), c.NewDatabase(t)}
	if dsns[0] == dsns[1] {
		t.Fatalf("two databases share DSN %s", dsns[0])
	}
	for i, dsn := range dsns {
		if !strings.HasPrefix(dsn, "postgres://postgres@127.0.0.1:") || !strings.HasSuffix(dsn, "?sslmode=disable") {
			t.Errorf("DSN = %s", dsn)
		}
		conn := connect(t, dsn)
		if _, err := conn.Exec(ctx, "CREATE TABLE notes (body text)"); err != nil {
			t.Fatal(err)
		}
		for range i + 1 {
			if _, err := conn.Exec(ctx, "INSERT INTO notes VALUES ($1)", "n"); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, dsn := range dsns {
		var n int
		if err := connect(t, dsn).QueryRow(ctx, "SELECT count(*) FROM notes").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != i+1 {
			t.Errorf("database %d has %d rows, want %d", i, n, i+1)
		}
	}
}

func TestDatabaseIsDroppedWhenTheTestEnds(t *testing.T) {
	t.Parallel()
	c := cluster(t)
	var name string
	t.Run("user", func(t *testing.T) {
		dsn := c.NewDatabase(t)
		conn := connect(t, dsn) // left open: the drop must still succeed
		if err := conn.QueryRow(t.Context(), "SELECT current_database()").Scan(&name); err != nil {
			t.Fatal(err)
		}
	})
	var exists bool
	err := connect(t, c.DSN("postgres")).QueryRow(t.Context(),
		"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists)
	if err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s still exists after its test ended", name)
	}
}

func TestLongTestNamesStillMakeValidDatabaseNames_With_A_Very_Long_Name_That_Exceeds_Sixty_Three_Bytes(t *testing.T) {
	t.Parallel()
	dsn := cluster(t).NewDatabase(t)
	var name string
	if err := connect(t, dsn).QueryRow(t.Context(), "SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	if len(name) > 63 || !strings.HasPrefix(name, "t_") {
		t.Errorf("database name %q", name)
	}
}
