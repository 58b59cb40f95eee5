package mongostore_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/store/mongostore"
	"github.com/prontuario/prontuario/aggregator/store/storetest"
	"github.com/prontuario/prontuario/internal/testinfra/mongotest"
)

var _ storetest.Store[*mongostore.Store] = (*mongostore.Store)(nil)

// server is the MongoDB (or FerretDB) every test of the package uses.
var server *mongotest.Server

func TestMain(m *testing.M) {
	var err error
	if server, err = mongotest.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if err := server.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.Exit(code)
}

// config is the configuration of a store on a database of the test's own.
func config(tb testing.TB) mongostore.Config {
	return mongostore.Config{URI: server.URI(), Database: server.NewDatabaseName(tb)}
}

// open opens a store on a new database.
func open(tb testing.TB) *mongostore.Store {
	tb.Helper()
	s, err := mongostore.Open(tb.Context(), config(tb))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("close: %v", err)
		}
	})
	return s
}

func TestContract(t *testing.T) {
	var opts []storetest.Option
	if server.IsFerretDB() {
		opts = append(opts, storetest.WithoutConcurrentWriters(), storetest.WithoutLargeHistories())
	}
	began := time.Now()
	t.Cleanup(func() { t.Logf("contract suite on FerretDB=%v: %s", server.IsFerretDB(), time.Since(began)) })
	storetest.Run(t, open, opts...)
}

func BenchmarkCommit(b *testing.B) {
	storetest.BenchCommit(b, open)
}
