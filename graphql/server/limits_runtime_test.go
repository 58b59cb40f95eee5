package server_test

import (
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/limits"
	"github.com/prontuario/prontuario/graphql/server"
)

// Lists without `first` count ListSize items in the estimate, but nothing
// in the data caps them: the answer's real size is capped at execution.
func TestAnswersLargerThanMaxNodesAreRefusedWhateverTheEstimate(t *testing.T) {
	t.Parallel()
	// Estimated with one item per list: encounter 1 + prescriptions 1 +
	// items 1 + labOrders 1 + results 1 = 5 objects, within the limit. E-2001
	// really holds 2 prescriptions (3 items), 1 lab order and 3 results.
	query := `{ encounter(id: "E-2001") { prescriptions { items { dose } } labOrders { results { code } } } }`
	h := newHarness(t, server.Config{Limits: limits.Config{MaxNodes: 5, ListSize: 1}})
	r := h.query(auth.Clinician, query, nil)
	if len(r.Errors) != 1 || r.Errors[0].code() != "QUERY_TOO_COMPLEX" || r.Errors[0].Extensions["measure"] != "nodes" {
		t.Fatalf("errors %v, want one QUERY_TOO_COMPLEX on nodes: %s", r.codes(), r.raw)
	}
	if r.Data != nil {
		t.Errorf("data %v served for an answer above the limit", r.Data)
	}
	// The store was read: the read is logged even though nothing was served.
	if got := h.store.Accesses(); len(got) != 1 || got[0].EncounterID != "E-2001" {
		t.Errorf("access log %+v, want the read of E-2001", got)
	}

	// The same query within a limit that fits the real answer is served.
	ok := newHarness(t, server.Config{Limits: limits.Config{MaxNodes: 9, ListSize: 1}})
	d := ok.query(auth.Clinician, query, nil).ok(t).Data
	if n := len(list(t, d, "encounter", "labOrders", 0, "results")); n != 3 {
		t.Errorf("%d results, want 3", n)
	}
}
