package e2e

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/harness"
)

const auditQuery = `query($p: ID!, $after: String) { auditTrail(patientId: $p, first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { provenance { eventId } } } } }`

// appliedEvents returns the ids of every event in the patient's audit trail.
func appliedEvents(t *testing.T, h *harness.Hospital, patientID string) []string {
	t.Helper()
	var ids []string
	var after any
	for {
		a := h.Query(t, "auditor", auditQuery, map[string]any{"p": patientID, "after": after})
		if len(a.Errors) > 0 {
			if a.Errors[0].Code() == "NOT_FOUND" {
				return nil
			}
			t.Fatalf("auditTrail: %+v", a.Errors)
		}
		var d struct {
			AuditTrail struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct {
					Node struct{ Provenance struct{ EventID string } }
				}
			}
		}
		a.Decode(t, &d)
		for _, e := range d.AuditTrail.Edges {
			ids = append(ids, e.Node.Provenance.EventID)
		}
		if !d.AuditTrail.PageInfo.HasNextPage {
			return ids
		}
		after = d.AuditTrail.PageInfo.EndCursor
	}
}

// assertExactlyOnce checks the invariant: every accepted event of each
// patient is in the read model exactly once, and nothing else is. It waits
// (bounded) for the pipeline to catch up.
func assertExactlyOnce(t *testing.T, h *harness.Hospital, accepted map[string][]string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		diff := ""
		for pid, want := range accepted {
			if got := appliedEvents(t, h, pid); !sameSet(got, want) {
				diff += fmt.Sprintf("\npatient %s: missing %v, not accepted %v", pid, minus(want, got), minus(got, want))
			}
		}
		if diff == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s, the read model still differs from the accepted commands:%s", timeout, diff)
		}
		time.Sleep(100 * time.Millisecond)
	}
	for pid, want := range accepted {
		got := appliedEvents(t, h, pid)
		seen := map[string]int{}
		for _, id := range got {
			seen[id]++
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("patient %s: event %s appears %d times", pid, id, n)
			}
		}
		if len(got) != len(want) {
			t.Errorf("patient %s: %d events applied, %d accepted", pid, len(got), len(want))
		}
	}
}

// minus returns the elements of a not in b.
func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
