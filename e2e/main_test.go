package e2e

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/prontuario/prontuario/e2e/harness"
	"github.com/prontuario/prontuario/internal/testinfra/mongotest"
	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

// suite is what every scenario shares: the binaries, the PostgreSQL
// cluster and the Mongo-wire server.
type suite struct {
	bins  harness.Binaries
	pg    *pgtest.Cluster
	mongo *mongotest.Server
}

var shared suite

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		fmt.Println("e2e: skipped in -short mode")
		return 0
	}
	dir, err := os.MkdirTemp("", "prontuario-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if shared.bins, err = harness.Build(dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	shared.pg, err = pgtest.StartCluster()
	if errors.Is(err, pgtest.ErrNoPostgres) {
		fmt.Fprintln(os.Stderr, "e2e: PostgreSQL server binaries are missing (apt-get install postgresql, as .ci/run does)")
		return 1
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer shared.pg.Stop()
	if shared.mongo, err = mongotest.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer shared.mongo.Stop()
	return m.Run()
}

// postgres puts each domain service on its own PostgreSQL database.
func postgres(t testing.TB, _ string) string { return shared.pg.NewDatabase(t) }

// newHospital starts a hospital of the test's own: for scenarios that kill
// and restart processes.
func newHospital(t *testing.T, o harness.Options) *harness.Hospital {
	t.Helper()
	if o.DomainDSN == nil {
		o.DomainDSN = postgres
	}
	h := harness.Start(t, shared.bins, o)
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(h.Logs())
		}
	})
	return h
}
