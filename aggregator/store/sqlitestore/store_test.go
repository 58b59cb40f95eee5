package sqlitestore_test

import (
	"path/filepath"
	"testing"

	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/aggregator/store/storetest"
)

var _ storetest.Store[*sqlitestore.Store] = (*sqlitestore.Store)(nil)

// open opens a store on a new database file in the test's temp dir.
func open(tb testing.TB) *sqlitestore.Store {
	tb.Helper()
	s, err := sqlitestore.Open(tb.Context(), sqlitestore.Config{Path: filepath.Join(tb.TempDir(), "history.db")})
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
	storetest.Run(t, open)
}

func BenchmarkCommit(b *testing.B) {
	storetest.BenchCommit(b, open)
}
