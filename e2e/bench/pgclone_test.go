package bench_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

// cloneDatabase creates a copy of the database of templateDSN (which must
// have no open connection), drops it when b ends and returns its DSN:
// copying the backlog's files is much faster than writing it again.
func cloneDatabase(b *testing.B, pg *pgtest.Cluster, templateDSN string) string {
	b.Helper()
	u, err := url.Parse(templateDSN)
	if err != nil {
		b.Fatal(err)
	}
	template := strings.TrimPrefix(u.Path, "/")
	name := fmt.Sprintf("%.50s_%d", template, time.Now().UnixNano()%1e9)
	admin := func(sql string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, pg.DSN("postgres"))
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	ident := pgx.Identifier{name}.Sanitize()
	if err := admin("CREATE DATABASE " + ident + " TEMPLATE " + pgx.Identifier{template}.Sanitize()); err != nil {
		b.Fatalf("copy database %s: %v", template, err)
	}
	b.Cleanup(func() {
		if err := admin("DROP DATABASE IF EXISTS " + ident + " WITH (FORCE)"); err != nil {
			b.Errorf("drop database %s: %v", name, err)
		}
	})
	return pg.DSN(name)
}
