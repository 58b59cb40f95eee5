package server_test

import (
	"fmt"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/server"
)

// walk pages through the connection at path (a query taking $after),
// returning every node's key field and the number of pages.
func walk(t *testing.T, h *harness, role auth.Role, query string, vars map[string]any, path []any, key string) ([]string, int) {
	t.Helper()
	var keys []string
	var after any
	for pages := 1; ; pages++ {
		if pages > 100 {
			t.Fatal("paging does not end")
		}
		v := map[string]any{"after": after}
		for k, x := range vars {
			v[k] = x
		}
		d := h.query(role, query, v).ok(t).Data
		conn := at(d, path...)
		for _, e := range list(t, conn, "edges") {
			keys = append(keys, fmt.Sprint(at(e, "node", key)))
			if at(e, "cursor") == nil {
				t.Fatal("edge without cursor")
			}
		}
		if at(conn, "pageInfo", "hasPreviousPage") != (after != nil) {
			t.Errorf("page %d: hasPreviousPage %v", pages, at(conn, "pageInfo", "hasPreviousPage"))
		}
		if at(conn, "pageInfo", "hasNextPage") != true {
			return keys, pages
		}
		after = at(conn, "pageInfo", "endCursor")
	}
}

func TestCursorsRoundTripOverAllPages(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		role      auth.Role
		query     string
		vars      map[string]any
		path      []any
		key       string
		wantItems int
		wantPages int
	}{
		{
			name:  "encounters_of_a_patient_newest_first",
			role:  auth.Clinician,
			query: `query($after: String) { patient(id: "P-1003") { encounters(first: 20, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
			path:  []any{"patient", "encounters"}, key: "id", wantItems: fakestore.ManyEncounters, wantPages: 8,
		},
		{
			name:  "encounters_within_a_period",
			role:  auth.Clinician,
			query: `query($after: String) { patient(id: "P-1003") { encounters(first: 7, after: $after, from: "2021-01-01T00:00:00Z", to: "2022-01-01T00:00:00Z") { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
			path:  []any{"patient", "encounters"}, key: "id", wantItems: 52, wantPages: 8,
		},
		{
			name:  "billable_items",
			role:  auth.Billing,
			query: `query($after: String) { billableItems(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", first: 100, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
			path:  []any{"billableItems"}, key: "id", wantItems: fakestore.BillableTotal, wantPages: 2,
		},
		{
			name:  "audit_trail",
			role:  auth.Auditor,
			query: `query($after: String) { auditTrail(patientId: "P-1003", first: 100, after: $after) { edges { cursor node { provenance { eventId } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
			path:  []any{"auditTrail"}, key: "provenance", wantItems: 2 * fakestore.ManyEncounters, wantPages: 3,
		},
		{
			name:  "patients",
			role:  auth.Clinician,
			query: `query($after: String) { patients(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
			path:  []any{"patients"}, key: "id", wantItems: 3, wantPages: 3,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, server.Config{})
			keys, pages := walk(t, h, c.role, c.query, c.vars, c.path, c.key)
			if len(keys) != c.wantItems || pages != c.wantPages {
				t.Errorf("%d items over %d pages, want %d over %d", len(keys), pages, c.wantItems, c.wantPages)
			}
			seen := map[string]bool{}
			for _, k := range keys {
				if seen[k] {
					t.Errorf("%s returned twice", k)
				}
				seen[k] = true
			}
		})
	}
}

func TestEncounterPagesAreNewestFirst(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	q := `query($after: String) { patient(id: "P-1003") { encounters(first: 30, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`
	keys, _ := walk(t, h, auth.Clinician, q, nil, []any{"patient", "encounters"}, "id")
	for i := 1; i < len(keys); i++ {
		if keys[i-1] <= keys[i] {
			t.Fatalf("encounter %s comes before %s: not newest first", keys[i-1], keys[i])
		}
	}
}
