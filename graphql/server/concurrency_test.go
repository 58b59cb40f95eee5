package server_test

import (
	"sync"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

// One handler serves concurrent requests (run with -race: graphql-go fills
// some lookup tables lazily).
func TestConcurrentRequestsShareOneHandler(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := rootQueries[i%len(rootQueries)]
			r := h.query(auth.Auditor, q.query, q.vars)
			if r.status != 200 || len(r.Errors) > 0 {
				t.Errorf("%s: status %d errors %v", q.name, r.status, r.codes())
			}
			d := h.query(auth.Billing, clinicalQuery, nil).Data
			if at(d, "encounter", "labOrders", 0, "results", 1, "status") != "CORRECTED" {
				t.Errorf("concurrent clinical query: %s", jsonString(d))
			}
		}()
	}
	wg.Wait()
}
