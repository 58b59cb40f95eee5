package server_test

import (
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

// origin is the event type and record version of a provenance.
func origin(v any) string {
	return jsonString(map[string]any{"type": at(v, "eventType"), "version": at(v, "recordVersion")})
}

func want(eventType string, version float64) string {
	return jsonString(map[string]any{"type": eventType, "version": version})
}

func TestEverySubRecordHasTheProvenanceOfTheVersionThatGaveItItsValue(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	p := `provenance { eventType recordVersion }`
	d := h.query(auth.Auditor, `{
		patient(id: "P-1001") { `+p+` }
		complete: encounter(id: "E-2001") {
			triage { `+p+` }
			labOrders { `+p+` results { code `+p+` corrections { `+p+` } } }
			imagingStudies { report { `+p+` amendments { `+p+` } } }
		}
		open: encounter(id: "E-2003") { triage { `+p+` } supersededTriage { `+p+` }
			supersededVersions { triage { `+p+` } } }
	}`, nil).ok(t).Data
	results := map[string]any{}
	for _, r := range list(t, d, "complete", "labOrders", 0, "results") {
		results[at(r, "code").(string)] = r
	}
	cases := []struct{ name, got, want string }{
		// The newest event carrying demographics: E-2003's re-triage.
		{"patient_from_the_newest_demographics", origin(at(d, "patient", "provenance")), want("TriageRecorded", 2)},
		// Closing the encounter (v3) did not change the assessment recorded at v2.
		{"triage_from_its_recording_not_the_closing", origin(at(d, "complete", "triage", "provenance")), want("TriageRecorded", 2)},
		{"lab_order_current_version", origin(at(d, "complete", "labOrders", 0, "provenance")), want("LabResultRecorded", 5)},
		// Results of other tests (v3, v4, v5) did not change hemoglobin's.
		{"hemoglobin_from_its_recording", origin(at(results["718-7"], "provenance")), want("LabResultRecorded", 2)},
		{"potassium_from_its_correction", origin(at(results["2823-3"], "provenance")), want("LabResultCorrected", 4)},
		{"correction_from_its_event", origin(at(results["2823-3"], "corrections", 0, "provenance")), want("LabResultCorrected", 4)},
		{"creatinine_from_its_recording", origin(at(results["2160-0"], "provenance")), want("LabResultRecorded", 5)},
		{"report_from_its_amendment", origin(at(d, "complete", "imagingStudies", 0, "report", "provenance")), want("ImagingReportAmended", 4)},
		{"amendment_from_its_event", origin(at(d, "complete", "imagingStudies", 0, "report", "amendments", 0, "provenance")), want("ImagingReportAmended", 4)},
		{"re_triage", origin(at(d, "open", "triage", "provenance")), want("TriageRecorded", 2)},
		{"superseded_triage_from_the_version_that_recorded_it", origin(at(d, "open", "supersededTriage", 0, "provenance")), want("EncounterOpened", 1)},
		{"triage_of_a_superseded_version", origin(at(d, "open", "supersededVersions", 0, "triage", "provenance")), want("EncounterOpened", 1)},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: provenance %s, want %s", c.name, c.got, c.want)
		}
	}
}

func TestBillableItemsHaveTheProvenanceOfTheVersionTheyDeriveFrom(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	d := h.query(auth.Billing, `{ billableItems(from: "2026-03-01T00:00:00Z", to: "2026-03-03T00:00:00Z", first: 100) {
		edges { node { id provenance { eventType recordVersion eventId } } } } }`, nil).ok(t).Data
	got := map[string]string{}
	for _, e := range list(t, d, "billableItems", "edges") {
		got[at(e, "node", "id").(string)] = origin(at(e, "node", "provenance"))
	}
	wants := map[string]string{
		"MEDICATION:RX-3001:MED-ASA": want("PrescriptionIssued", 1),
		"LAB_TEST:LO-4001:718-7":     want("LabResultRecorded", 2),
		"LAB_TEST:LO-4001:2823-3":    want("LabResultCorrected", 4),
		// Performed at v2, reported at v3 (the item's status); the amendment (v4) changes nothing billed.
		"IMAGING_STUDY:IS-5001:CTCHEST": want("ImagingReportFinalized", 3),
	}
	for id, w := range wants {
		if got[id] != w {
			t.Errorf("%s: provenance %s, want %s (all: %v)", id, got[id], w, got)
		}
	}
	// The encounters of the page are read in one call.
	if n := h.store.Calls("Load"); n != 1 {
		t.Errorf("Load called %d times for one page of billable items, want 1", n)
	}
}
