package server_test

import (
	"reflect"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

const encounterSections = `query($id: ID!) { encounter(id: $id) {
  id patientId status openedAt closedAt disposition reason version
  triage { acuity } supersededTriage { acuity }
  provenance { eventId } supersededVersions { version }
  prescriptions { id } labOrders { id results { status } } imagingStudies { id }
  completeness { complete missing }
} }`

func TestPartialRecordsAreDataNotErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name        string
		id          string
		status      string
		missing     []any
		nullFields  []string
		listLengths map[string]int
	}{
		{
			name: "lab_result_before_the_encounter_shows_an_unknown_encounter_missing_encounter_and_triage",
			id:   "E-2002", status: "UNKNOWN", missing: []any{"ENCOUNTER", "TRIAGE"},
			nullFields:  []string{"openedAt", "closedAt", "disposition", "reason", "version", "triage", "supersededTriage", "provenance"},
			listLengths: map[string]int{"labOrders": 1, "prescriptions": 0, "imagingStudies": 0, "supersededVersions": 0},
		},
		{
			name: "encounter_opened_but_not_triaged_is_open_and_missing_triage",
			id:   "E-3000", status: "OPEN", missing: []any{"TRIAGE"},
			nullFields:  []string{"closedAt", "disposition", "triage"},
			listLengths: map[string]int{"prescriptions": 1, "labOrders": 0, "supersededTriage": 0},
		},
		{
			name: "re_triaged_encounter_keeps_the_superseded_assessment",
			id:   "E-2003", status: "OPEN", missing: []any{},
			nullFields:  []string{"closedAt", "disposition"},
			listLengths: map[string]int{"supersededTriage": 1, "supersededVersions": 1, "prescriptions": 1},
		},
		{
			name: "complete_encounter_has_every_section",
			id:   "E-2001", status: "CLOSED", missing: []any{},
			listLengths: map[string]int{"prescriptions": 2, "labOrders": 1, "imagingStudies": 1, "supersededVersions": 2},
		},
	}
	h := newHarness(t, server.Config{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := h.query(auth.Clinician, encounterSections, map[string]any{"id": c.id}).ok(t)
			enc, ok := r.Data["encounter"].(map[string]any)
			if !ok {
				t.Fatalf("encounter %s is null: %s", c.id, r.raw)
			}
			if enc["status"] != c.status {
				t.Errorf("status %v, want %s", enc["status"], c.status)
			}
			if got := at(enc, "completeness", "missing"); !reflect.DeepEqual(got, c.missing) {
				t.Errorf("missing %v, want %v", got, c.missing)
			}
			if got := at(enc, "completeness", "complete"); got != (len(c.missing) == 0) {
				t.Errorf("complete %v with missing %v", got, c.missing)
			}
			for _, f := range c.nullFields {
				if v, present := enc[f]; !present || v != nil {
					t.Errorf("%s = %v, want null", f, v)
				}
			}
			for f, n := range c.listLengths {
				if got := len(list(t, enc, f)); got != n {
					t.Errorf("%s has %d items, want %d", f, got, n)
				}
			}
		})
	}
}

func TestPatientKnownOnlyFromTheLabHasNoDemographicsAndSaysSo(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	q := `{ patient(id: "P-1002") { id name birthDate sex demographicsProvenance { eventId }
	  completeness { complete missing } encounters { totalCount edges { node { id status } } } } }`
	d := h.query(auth.Billing, q, nil).ok(t).Data
	for _, f := range []string{"name", "birthDate", "sex", "demographicsProvenance"} {
		if v := at(d, "patient", f); v != nil {
			t.Errorf("patient.%s = %v, want null", f, v)
		}
	}
	if got := at(d, "patient", "completeness", "missing"); !reflect.DeepEqual(got, []any{"DEMOGRAPHICS"}) {
		t.Errorf("missing %v, want [DEMOGRAPHICS]", got)
	}
	if got := at(d, "patient", "encounters", "edges", 0, "node", "status"); got != "UNKNOWN" {
		t.Errorf("encounter status %v, want UNKNOWN", got)
	}
}

func TestUnknownIdsAreNullNotErrors(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	d := h.query(auth.Clinician, `{ patient(id: "P-404") { id } encounter(id: "E-404") { id } }`, nil).ok(t).Data
	if v, present := d["patient"]; !present || v != nil {
		t.Errorf("patient = %v, want null", v)
	}
	if v, present := d["encounter"]; !present || v != nil {
		t.Errorf("encounter = %v, want null", v)
	}
}
