package server_test

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

// access is the part of an access entry a test predicts.
type access struct{ subject, role, rootField, patientID, encounterID string }

func TestEveryReadOfPatientDataIsLogged(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		role  auth.Role
		query string
		want  []access
	}{
		{"patient", auth.Clinician, `{ patient(id: "P-1001") { name encounters { totalCount } } }`,
			[]access{{"carol", "clinician", "patient", "P-1001", ""}}},
		{"unknown_patient", auth.Clinician, `{ patient(id: "P-404") { name } }`,
			[]access{{"carol", "clinician", "patient", "P-404", ""}}},
		{"encounter", auth.Billing, `{ encounter(id: "E-2001") { status } }`,
			[]access{{"bob", "billing", "encounter", "P-1001", "E-2001"}}},
		{"unknown_encounter", auth.Billing, `{ encounter(id: "E-404") { status } }`,
			[]access{{"bob", "billing", "encounter", "", "E-404"}}},
		{"patients_found", auth.Clinician, `{ patients(name: "silva") { totalCount } }`,
			[]access{{"carol", "clinician", "patients", "P-1003", ""}}},
		{"patients_none_found", auth.Clinician, `{ patients(name: "zzz") { totalCount } }`,
			[]access{{"carol", "clinician", "patients", "", ""}}},
		{"billable_items_one_entry_per_encounter", auth.Billing,
			`{ billableItems(from: "2026-03-01T00:00:00Z", to: "2026-03-10T00:00:00Z") { totalCount } }`,
			[]access{{"bob", "billing", "billableItems", "P-1001", "E-2001"}, {"bob", "billing", "billableItems", "P-1001", "E-2003"}}},
		{"audit_trail", auth.Auditor, `{ auditTrail(patientId: "P-1003", first: 1) { totalCount } }`,
			[]access{{"alice", "auditor", "auditTrail", "P-1003", ""}}},
		{"two_root_fields", auth.Clinician, `{ a: patient(id: "P-1001") { id } b: patient(id: "P-1002") { id } }`,
			[]access{{"carol", "clinician", "patient", "P-1001", ""}, {"carol", "clinician", "patient", "P-1002", ""}}},
		{"pipeline_status_holds_no_patient_data", auth.Clinician, `{ pipelineStatus { checkedAt } }`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, server.Config{})
			h.query(c.role, c.query, nil).ok(t)
			var got []access
			for _, e := range h.store.Accesses() {
				got = append(got, access{e.Subject, e.Role, e.RootField, e.PatientID, e.EncounterID})
				if !e.At.Equal(now) || e.ID == "" {
					t.Errorf("entry %+v: want at %s with an id", e, now)
				}
			}
			// Root fields of a query run in no fixed order.
			sort.Slice(got, func(i, j int) bool { return got[i].patientID+got[i].encounterID < got[j].patientID+got[j].encounterID })
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("access log %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestNothingIsServedWhenTheAccessLogCannotBeWritten(t *testing.T) {
	t.Parallel()
	for _, q := range []string{
		`{ patient(id: "P-1001") { name birthDate } }`,
		`{ encounter(id: "E-2001") { reason triage { chiefComplaint } } }`,
		`{ patients(name: "maria") { edges { node { name } } } }`,
		`{ auditTrail(patientId: "P-1001") { edges { node { summary } } } }`,
	} {
		t.Run(q, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, server.Config{})
			h.store.Fail("AppendAccessBatch", errors.New("access log disk full"))
			r := h.query(auth.Auditor, q, nil)
			if len(r.Errors) != 1 || r.Errors[0].code() != "INTERNAL" {
				t.Fatalf("errors %v, want one INTERNAL", r.codes())
			}
			for _, leak := range []string{"Maria", "Oliveira", "1985", "Chest", "EncounterOpened"} {
				if strings.Contains(r.raw, leak) {
					t.Errorf("served %q without logging the access: %s", leak, r.raw)
				}
			}
		})
	}
}

func TestAuditorsQueryTheAccessLog(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	h.query(auth.Clinician, `{ patient(id: "P-1001") { id } }`, nil).ok(t)
	h.query(auth.Billing, `{ encounter(id: "E-2002") { id } }`, nil).ok(t)
	h.query(auth.Clinician, `{ patient(id: "P-1003") { id } }`, nil).ok(t)
	d := h.query(auth.Auditor, `{ accessLog(patientId: "P-1001") { totalCount edges { node { subject role rootField patientId encounterId at } } } }`, nil).ok(t).Data
	edges := list(t, d, "accessLog", "edges")
	if len(edges) != 1 {
		t.Fatalf("%d entries for P-1001, want 1: %s", len(edges), jsonString(d))
	}
	want := map[string]any{"subject": "carol", "role": "CLINICIAN", "rootField": "patient", "patientId": "P-1001",
		"encounterId": nil, "at": "2026-03-06T12:00:00Z"}
	for k, v := range want {
		if got := at(edges[0], "node", k); got != v {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	all := h.query(auth.Auditor, `{ accessLog { totalCount } }`, nil).ok(t).Data
	// Three reads, plus the auditor's first accessLog read.
	if got := at(all, "accessLog", "totalCount"); got != 4.0 {
		t.Errorf("accessLog totalCount %v, want 4", got)
	}
}

func TestLogsHoldNoPatientNamesOrClinicalValues(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	h.query(auth.Clinician, `{ patients(name: "Maria Oliveira") { edges { node { name } } } }`, nil).ok(t)
	h.query(auth.Clinician, `{ encounter(id: "E-2001") { reason triage { chiefComplaint } } }`, nil).ok(t)
	h.store.Fail("Encounter", errors.New("store down"))
	h.query(auth.Clinician, `{ encounter(id: "E-2001") { reason } }`, nil)
	logs := h.logs.String()
	if !strings.Contains(logs, "graphql request") {
		t.Fatalf("no request logged: %s", logs)
	}
	for _, secret := range []string{"Maria", "Oliveira", "Chest pain"} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs contain %q: %s", secret, logs)
		}
	}
}
