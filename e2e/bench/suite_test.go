package bench_test

import (
	"errors"
	"os"
	"sync"
	"testing"

	"github.com/prontuario/prontuario/e2e/harness"
	"github.com/prontuario/prontuario/internal/testinfra/mongotest"
	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

// suite starts each piece of shared infrastructure once, on first use. Its
// methods are safe for concurrent use.
type suite struct {
	mu     sync.Mutex
	binDir string
	bins   *harness.Binaries
	pg     *pgtest.Cluster
	mongo  *mongotest.Server
}

// binaries builds every Prontuario command once, unless -bench.bin names
// where they were built.
func (s *suite) binaries(tb testing.TB) harness.Binaries {
	tb.Helper()
	if binDir != "" {
		return harness.Binaries{Dir: binDir}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bins == nil {
		dir, err := os.MkdirTemp("", "prontuario-bench-bin-")
		if err != nil {
			tb.Fatal(err)
		}
		s.binDir = dir
		bins, err := harness.Build(dir)
		if err != nil {
			tb.Fatalf("build the binaries: %v", err)
		}
		s.bins = &bins
	}
	return *s.bins
}

// postgres starts the throwaway PostgreSQL cluster once.
func (s *suite) postgres(tb testing.TB) *pgtest.Cluster {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pg == nil {
		pg, err := pgtest.StartCluster()
		if errors.Is(err, pgtest.ErrNoPostgres) {
			tb.Fatalf("the outbox benchmark needs PostgreSQL server binaries (apt-get install postgresql, as .ci/run does): %v", err)
		}
		if err != nil {
			tb.Fatal(err)
		}
		s.pg = pg
	}
	return s.pg
}

// mongoServer starts FerretDB (or connects to PRONTUARIO_TEST_MONGODB_URI) once.
func (s *suite) mongoServer(tb testing.TB) *mongotest.Server {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mongo == nil {
		srv, err := mongotest.Start()
		if err != nil {
			tb.Fatal(err)
		}
		s.mongo = srv
	}
	return s.mongo
}

// stop stops whatever was started.
func (s *suite) stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	if s.pg != nil {
		errs = append(errs, s.pg.Stop())
	}
	if s.mongo != nil {
		errs = append(errs, s.mongo.Stop())
	}
	if s.binDir != "" {
		errs = append(errs, os.RemoveAll(s.binDir))
	}
	return errors.Join(errs...)
}
