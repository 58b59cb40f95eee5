package server_test

import (
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

// clinicalQuery selects every clinical field next to non-clinical ones.
const clinicalQuery = `{ encounter(id: "E-2001") {
  id status reason
  triage { acuity nurse chiefComplaint vitalSigns { heartRate spo2 } }
  labOrders { id results { code unit status value interpretation referenceRange { low high }
    corrections { previousValue value reason } } }
  imagingStudies { modality report { radiologist findings impression
    amendments { reason previousFindings previousImpression } } }
} }`

// clinicalPaths are the fields of clinicalQuery that hold clinical values.
var clinicalPaths = []string{
	"encounter.reason",
	"encounter.triage.chiefComplaint",
	"encounter.triage.vitalSigns",
	"encounter.labOrders.0.results.0.value",
	"encounter.labOrders.0.results.0.interpretation",
	"encounter.labOrders.0.results.0.referenceRange",
	"encounter.labOrders.0.results.1.corrections.0.previousValue",
	"encounter.labOrders.0.results.1.corrections.0.value",
	"encounter.imagingStudies.0.report.findings",
	"encounter.imagingStudies.0.report.impression",
	"encounter.imagingStudies.0.report.amendments.0.previousFindings",
	"encounter.imagingStudies.0.report.amendments.0.previousImpression",
}

func TestBillingGetsNullAndForbiddenForClinicalValuesWithTheRestIntact(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	r := h.query(auth.Billing, clinicalQuery, nil)
	if r.status != 200 {
		t.Fatalf("status %d, want 200: %s", r.status, r.raw)
	}
	for _, path := range clinicalPaths {
		e, ok := r.errorAt(path)
		if !ok || e.code() != "FORBIDDEN" {
			t.Errorf("no FORBIDDEN error at %s", path)
		}
	}
	for _, e := range r.Errors {
		if e.code() != "FORBIDDEN" {
			t.Errorf("unexpected error %+v", e)
		}
	}
	d := r.Data
	for _, path := range [][]any{
		{"encounter", "reason"},
		{"encounter", "triage", "chiefComplaint"},
		{"encounter", "triage", "vitalSigns"},
		{"encounter", "labOrders", 0, "results", 1, "value"},
		{"encounter", "imagingStudies", 0, "report", "findings"},
	} {
		if v := at(d, path...); v != nil {
			t.Errorf("billing read %v = %v", path, v)
		}
	}
	intact := map[string][]any{
		"E-2001":                    {"encounter", "id"},
		"CLOSED":                    {"encounter", "status"},
		"N-17":                      {"encounter", "triage", "nurse"},
		"mmol/L":                    {"encounter", "labOrders", 0, "results", 1, "unit"},
		"CORRECTED":                 {"encounter", "labOrders", 0, "results", 1, "status"},
		"Hemolyzed sample; redrawn": {"encounter", "labOrders", 0, "results", 1, "corrections", 0, "reason"},
		"RAD-2":                     {"encounter", "imagingStudies", 0, "report", "radiologist"},
		"Re-read after comparison":  {"encounter", "imagingStudies", 0, "report", "amendments", 0, "reason"},
	}
	for want, path := range intact {
		if got := at(d, path...); got != want {
			t.Errorf("%v = %v, want %q", path, got, want)
		}
	}
	if got := at(d, "encounter", "triage", "acuity"); got != 3.0 {
		t.Errorf("acuity = %v, want 3", got)
	}
}

func TestClinicalRolesReadClinicalValues(t *testing.T) {
	t.Parallel()
	for _, role := range []auth.Role{auth.Clinician, auth.Auditor} {
		t.Run(string(role), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, server.Config{})
			d := h.query(role, clinicalQuery, nil).ok(t).Data
			want := map[any][]any{
				"Chest pain since morning":      {"encounter", "reason"},
				"Chest pain":                    {"encounter", "triage", "chiefComplaint"},
				96.0:                            {"encounter", "triage", "vitalSigns", "heartRate"},
				4.2:                             {"encounter", "labOrders", 0, "results", 1, "value"},
				5.9:                             {"encounter", "labOrders", 0, "results", 1, "corrections", 0, "previousValue"},
				5.1:                             {"encounter", "labOrders", 0, "results", 1, "referenceRange", "high"},
				"N":                             {"encounter", "labOrders", 0, "results", 1, "interpretation"},
				"Small right pleural effusion.": {"encounter", "imagingStudies", 0, "report", "impression"},
				"No pulmonary embolism.":        {"encounter", "imagingStudies", 0, "report", "amendments", 0, "previousFindings"},
			}
			for v, path := range want {
				if got := at(d, path...); got != v {
					t.Errorf("%s: %v = %v, want %v", role, path, got, v)
				}
			}
		})
	}
}
