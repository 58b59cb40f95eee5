package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/limits"
	"github.com/prontuario/prontuario/graphql/server"
)

// deepQuery nests supersededVersions n times under a lab order: depth 4+n+1.
func deepQuery(n int) string {
	return `{ encounter(id: "E-2001") { labOrders { ` + strings.Repeat("supersededVersions { ", n) + "id" +
		strings.Repeat(" }", n) + ` } } }`
}

// depth8Query reaches depth 8 through few lists.
const depth8Query = `{ patient(id: "P-1001") { encounters(first: 1) { edges { node {
  supersededVersions { triage { vitalSigns { heartRate } } } } } } } }`

// exponentialQuery spreads each fragment twice into the next: 2^20 fields
// from a document of a few hundred bytes.
func exponentialQuery() string {
	var b strings.Builder
	b.WriteString(`{ pipelineStatus { ...F0 } }`)
	for i := range 20 {
		fmt.Fprintf(&b, " fragment F%d on PipelineStatus { ...F%d ...F%d }", i, i+1, i+1)
	}
	b.WriteString(" fragment F20 on PipelineStatus { checkedAt }")
	return b.String()
}

// aliasLimits admits aliasedQuery(4) (44 nodes) but not aliasedQuery(5) (55).
var aliasLimits = server.Config{Limits: limits.Config{MaxNodes: 50}}

// aliasedQuery reads one encounter's lab orders under n aliases: 1
// encounter + 10 lab orders (an unpaged list counts ListSize) = 11 nodes
// each, so any one alias is far within a limit that n of them exceed.
func aliasedQuery(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, ` a%d: encounter(id: "E-2001") { labOrders { id } }`, i)
	}
	b.WriteString(" }")
	return b.String()
}

func TestAbusiveQueriesAreRejectedBeforeAnyResolverRuns(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		cfg     server.Config
		query   string
		vars    map[string]any
		measure string
	}{
		{name: "too_deep", query: deepQuery(10), measure: "depth"},
		{name: "too_deep_through_fragments", measure: "depth", query: `{ encounter(id: "E-2001") { ...E } }
			fragment E on Encounter { labOrders { supersededVersions { supersededVersions { supersededVersions {
			supersededVersions { supersededVersions { supersededVersions { supersededVersions { supersededVersions { ...L } } } } } } } } } }
			fragment L on LabOrder { supersededVersions { supersededVersions { id } } }`},
		{name: "too_many_nodes_by_first", measure: "nodes", query: `{ patients(first: 100) { edges { node {
			encounters(first: 100) { edges { node { id } } } } } } }`},
		{name: "too_many_nodes_by_variable", measure: "nodes", vars: map[string]any{"n": 100},
			query: `query($n: Int) { patients(first: $n) { edges { node { encounters(first: $n) { edges { node { id } } } } } } }`},
		// Each alias is 11 nodes, within the limit of 50; five of them are 55.
		{name: "too_many_nodes_by_aliases", measure: "nodes", cfg: aliasLimits, query: aliasedQuery(5)},
		{name: "configured_lower_depth", measure: "depth", cfg: server.Config{Limits: limits.Config{MaxDepth: 7}},
			query: depth8Query},
		{name: "fragments_expanding_exponentially", measure: "nodes", query: exponentialQuery()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, c.cfg)
			r := h.query(auth.Auditor, c.query, c.vars)
			if len(r.Errors) != 1 || r.Errors[0].code() != "QUERY_TOO_COMPLEX" {
				t.Fatalf("errors %v, want QUERY_TOO_COMPLEX: %s", r.codes(), r.raw)
			}
			if got := r.Errors[0].Extensions["measure"]; got != c.measure {
				t.Errorf("measure %v, want %s", got, c.measure)
			}
			if r.Data != nil {
				t.Errorf("data %v for a rejected query", r.Data)
			}
			if n := h.store.TotalCalls(); n != 0 {
				t.Errorf("the store was called %d times for a rejected query", n)
			}
			if n := len(h.store.Accesses()); n != 0 {
				t.Errorf("%d access log entries for a rejected query", n)
			}
		})
	}
}

func TestQueriesWithinTheLimitsRun(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	// 1 patient + 1 connection + 20 edges + 20 encounters + 200 prescriptions + 2,000 items = 2,242 nodes.
	q := `{ patient(id: "P-1003") { encounters { edges { node { id prescriptions { items { medicationCode } } } } } } }`
	d := h.query(auth.Clinician, q, nil).ok(t).Data
	if n := len(list(t, d, "patient", "encounters", "edges")); n != 20 {
		t.Errorf("%d encounters, want the default page of 20", n)
	}
	// Aliases within the limit together run, each alias answered.
	d = newHarness(t, aliasLimits).query(auth.Clinician, aliasedQuery(4), nil).ok(t).Data
	for i := range 4 {
		if n := len(list(t, d, fmt.Sprintf("a%d", i), "labOrders")); n != 1 {
			t.Errorf("alias a%d: %d lab orders, want 1", i, n)
		}
	}
	d = h.query(auth.Clinician, depth8Query, nil).ok(t).Data
	if got := at(d, "patient", "encounters", "edges", 0, "node", "supersededVersions", 0, "triage", "vitalSigns", "heartRate"); got != 118.0 {
		t.Errorf("depth-8 query read heart rate %v, want 118", got)
	}
}
