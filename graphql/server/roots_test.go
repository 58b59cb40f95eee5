package server_test

import (
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/server"
)

// rootQueries exercise every root field, with a check of the data each returns.
var rootQueries = []struct {
	name  string
	query string
	vars  map[string]any
	// auditOnly fields answer FORBIDDEN to billing and clinician.
	auditOnly bool
	check     func(t *testing.T, h *harness, data map[string]any)
}{
	{
		name:  "patient",
		query: `query($id: ID!) { patient(id: $id) { id name birthDate sex encounterCount completeness { complete missing } updatedAt } }`,
		vars:  map[string]any{"id": fakestore.PatientMaria},
		check: func(t *testing.T, h *harness, d map[string]any) {
			want := map[string]any{"id": "P-1001", "name": "Maria Oliveira", "birthDate": "1985-07-10", "sex": "FEMALE",
				"encounterCount": 2.0, "updatedAt": "2026-03-05T09:50:00Z"}
			for k, v := range want {
				if got := at(d, "patient", k); got != v {
					t.Errorf("patient.%s = %v, want %v", k, got, v)
				}
			}
			if at(d, "patient", "completeness", "complete") != true {
				t.Errorf("patient.completeness = %v, want complete", at(d, "patient", "completeness"))
			}
		},
	},
	{
		name:  "encounter",
		query: `query($id: ID!) { encounter(id: $id) { id patientId status openedAt closedAt disposition completeness { complete } } }`,
		vars:  map[string]any{"id": fakestore.EncounterComplete},
		check: func(t *testing.T, h *harness, d map[string]any) {
			want := map[string]any{"id": "E-2001", "patientId": "P-1001", "status": "CLOSED",
				"openedAt": "2026-03-02T10:00:00Z", "closedAt": "2026-03-02T14:00:00Z", "disposition": "discharged"}
			for k, v := range want {
				if got := at(d, "encounter", k); got != v {
					t.Errorf("encounter.%s = %v, want %v", k, got, v)
				}
			}
		},
	},
	{
		name:  "patients",
		query: `{ patients(name: "oliv mar") { totalCount edges { node { id name } } } }`,
		check: func(t *testing.T, h *harness, d map[string]any) {
			edges := list(t, d, "patients", "edges")
			if len(edges) != 1 || at(edges[0], "node", "id") != "P-1001" || at(d, "patients", "totalCount") != 1.0 {
				t.Errorf("patients(name: oliv mar) = %s, want only P-1001", jsonString(d))
			}
		},
	},
	{
		name:  "billableItems",
		query: `{ billableItems(from: "2026-03-02T00:00:00Z", to: "2026-03-03T00:00:00Z") { totalCount edges { node { code } } } }`,
		check: func(t *testing.T, h *harness, d map[string]any) {
			if got := at(d, "billableItems", "totalCount"); got != float64(fakestore.BillableComplete) {
				t.Errorf("billableItems on 2026-03-02: totalCount %v, want %d", got, fakestore.BillableComplete)
			}
		},
	},
	{
		name:      "auditTrail",
		query:     `query($id: ID!) { auditTrail(patientId: $id, first: 100) { totalCount edges { node { summary provenance { eventType } } } } }`,
		vars:      map[string]any{"id": fakestore.PatientMaria},
		auditOnly: true,
		check: func(t *testing.T, h *harness, d map[string]any) {
			// E-2001: 3 visit, 3 prescription, 5 lab, 4 imaging events; E-2003: 2 visit, 1 prescription.
			if got := at(d, "auditTrail", "totalCount"); got != 18.0 {
				t.Errorf("auditTrail totalCount %v, want 18", got)
			}
			if got := at(d, "auditTrail", "edges", 0, "node", "provenance", "eventType"); got != "EncounterOpened" {
				t.Errorf("first audit entry is %v, want EncounterOpened", got)
			}
		},
	},
	{
		name:      "accessLog",
		query:     `{ accessLog { totalCount edges { node { subject role rootField } } } }`,
		auditOnly: true,
		check: func(t *testing.T, h *harness, d map[string]any) {
			// The page is read before this read is logged: a fresh server shows nothing yet.
			if got := at(d, "accessLog", "totalCount"); got != 0.0 {
				t.Errorf("accessLog totalCount %v on a fresh server, want 0", got)
			}
			log := h.store.Accesses()
			if len(log) != 1 || log[0].RootField != "accessLog" || log[0].Subject != "alice" {
				t.Errorf("access log after reading it: %+v, want one accessLog entry by alice", log)
			}
		},
	},
	{
		name:  "pipelineStatus",
		query: `{ pipelineStatus { checkedAt sources { source topic appliedCount deadLettered newestEventTime lagSeconds offsets { topic partition offset } } } }`,
		check: func(t *testing.T, h *harness, d map[string]any) {
			sources := list(t, d, "pipelineStatus", "sources")
			if len(sources) != 4 {
				t.Fatalf("%d sources, want 4", len(sources))
			}
			if at(sources[0], "source") != "TRIAGE" || at(sources[0], "topic") != "hospital.triage.v1" {
				t.Errorf("first source %s, want TRIAGE on hospital.triage.v1", jsonString(sources[0]))
			}
		},
	},
}

func TestEveryRootFieldForEveryRole(t *testing.T) {
	t.Parallel()
	for _, q := range rootQueries {
		for _, role := range auth.Roles() {
			t.Run(q.name+"_as_"+string(role), func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, server.Config{})
				r := h.query(role, q.query, q.vars)
				if q.auditOnly && role != auth.Auditor {
					if r.status != 200 || len(r.Errors) != 1 || r.Errors[0].code() != "FORBIDDEN" {
						t.Fatalf("%s as %s: status %d errors %v, want one FORBIDDEN", q.name, role, r.status, r.Errors)
					}
					if r.Data != nil {
						t.Errorf("%s as %s returned data %v", q.name, role, r.Data)
					}
					if n := h.store.TotalCalls(); n != 0 {
						t.Errorf("a forbidden %s read the store %d times", q.name, n)
					}
					return
				}
				q.check(t, h, r.ok(t).Data)
			})
		}
	}
}
