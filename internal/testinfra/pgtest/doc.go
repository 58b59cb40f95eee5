// Package pgtest runs a throwaway PostgreSQL server for tests and hands each
// test its own database.
//
// Start one server per test binary in TestMain with [StartCluster] and stop
// it there; tests call [Cluster.NewDatabase], which is safe for concurrent
// use, so they can run in parallel. The server is tuned for speed, not
// durability (fsync off), and its data directory is deleted on Stop.
//
//	var pg *pgtest.Cluster
//
//	func TestMain(m *testing.M) {
//		var err error
//		pg, err = pgtest.StartCluster()
//		if err != nil && !errors.Is(err, pgtest.ErrNoPostgres) {
//			fmt.Fprintln(os.Stderr, err)
//			os.Exit(1)
//		}
//		code := m.Run()
//		if pg != nil {
//			pg.Stop()
//		}
//		os.Exit(code)
//	}
//
//	func TestX(t *testing.T) {
//		if pg == nil {
//			t.Skip("PostgreSQL server binaries not installed")
//		}
//		dsn := pg.NewDatabase(t)
//		...
//	}
package pgtest
