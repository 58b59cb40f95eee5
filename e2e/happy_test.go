package e2e

import (
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/harness"
)

const encounterQuery = `query($id: ID!) { encounter(id: $id) {
  id patientId status completeness { complete missing }
  triage { acuity chiefComplaint vitalSigns { heartRate spo2 } }
  prescriptions { id status items { medicationCode } }
  labOrders { id results { code value unit status corrections { previousValue value reason } } }
  imagingStudies { id status studyInstanceUid report { findings impression radiologist } }
} }`

// encounterView is what the scenarios read of an encounter.
type encounterView struct {
	Encounter *struct {
		ID, PatientID, Status string
		Completeness          struct {
			Complete bool
			Missing  []string
		}
		Triage *struct {
			Acuity         int
			ChiefComplaint *string
			VitalSigns     *struct{ HeartRate, Spo2 int }
		}
		Prescriptions []struct {
			ID, Status string
			Items      []struct{ MedicationCode string }
		}
		LabOrders []struct {
			ID      string
			Results []struct {
				Code, Unit, Status string
				Value              *float64
				Corrections        []struct {
					PreviousValue, Value float64
					Reason               string
				}
			}
		}
		ImagingStudies []struct {
			ID, Status, StudyInstanceUID string
			Report                       *struct{ Findings, Impression *string }
		}
	}
}

func happyPath(t *testing.T, h *harness.Hospital) {
	registerFormulary(t, h)
	v := newVisit(h)
	v.full(t)

	// Clinician: everything, once every event is applied (read-your-writes).
	a := h.Query(t, "clinician", encounterQuery, map[string]any{"id": v.EncounterID}, v.Events...)
	if len(a.Errors) > 0 {
		t.Fatalf("clinician errors: %+v", a.Errors)
	}
	var c encounterView
	a.Decode(t, &c)
	e := c.Encounter
	if e == nil || e.Status != "OPEN" || !e.Completeness.Complete || e.PatientID != v.PatientID {
		t.Fatalf("encounter as clinician: %+v (answer %s)", e, a.Data)
	}
	if e.Triage == nil || e.Triage.Acuity != 2 || e.Triage.VitalSigns == nil || e.Triage.VitalSigns.HeartRate != 96 {
		t.Errorf("triage as clinician: %+v", e.Triage)
	}
	if len(e.Prescriptions) != 2 || len(e.LabOrders) != 1 || len(e.ImagingStudies) != 1 {
		t.Fatalf("records: %d prescriptions, %d lab orders, %d imaging studies", len(e.Prescriptions), len(e.LabOrders), len(e.ImagingStudies))
	}
	corrected := false
	for _, r := range e.LabOrders[0].Results {
		if r.Code == "2823-3" {
			corrected = r.Status == "CORRECTED" && r.Value != nil && *r.Value == 4.2 && len(r.Corrections) == 1 && r.Corrections[0].PreviousValue == 5.9
		}
	}
	if !corrected {
		t.Errorf("potassium correction not shown with its superseded value: %+v", e.LabOrders[0].Results)
	}
	if st := e.ImagingStudies[0]; st.Report == nil || st.Report.Findings == nil || *st.Report.Findings != "No pulmonary embolism." {
		t.Errorf("imaging report as clinician: %+v", st)
	}

	// Billing: clinical values are null with FORBIDDEN at their path; the rest intact.
	b := h.Query(t, "billing", encounterQuery, map[string]any{"id": v.EncounterID})
	var bv encounterView
	b.Decode(t, &bv)
	if bv.Encounter == nil || len(bv.Encounter.Prescriptions) != 2 || bv.Encounter.Status != "OPEN" {
		t.Fatalf("billing lost non-clinical data: %s", b.Data)
	}
	if bv.Encounter.Triage == nil {
		t.Fatalf("billing lost the triage's non-clinical fields: %s", b.Data)
	}
	if bv.Encounter.Triage.VitalSigns != nil || bv.Encounter.Triage.ChiefComplaint != nil {
		t.Errorf("billing sees clinical values: %+v", bv.Encounter.Triage)
	}
	forbidden := map[string]bool{}
	for _, err := range b.Errors {
		if err.Code() == "FORBIDDEN" {
			forbidden[err.PathString()] = true
		}
	}
	for _, p := range []string{"encounter.triage.vitalSigns", "encounter.triage.chiefComplaint", "encounter.imagingStudies.0.report.findings"} {
		if !forbidden[p] {
			t.Errorf("no FORBIDDEN error at %s for billing (errors %+v)", p, b.Errors)
		}
	}

	// Billing's own query: the visit's billable acts.
	bi := h.Query(t, "billing", `query($from: DateTime!, $to: DateTime!) { billableItems(from: $from, to: $to, first: 100) { totalCount edges { node { encounterId kind code } } } }`,
		map[string]any{"from": time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339), "to": time.Now().Add(time.Hour).UTC().Format(time.RFC3339)})
	var items struct {
		BillableItems struct {
			Edges []struct {
				Node struct{ EncounterID, Kind, Code string }
			}
		}
	}
	bi.Decode(t, &items)
	kinds := map[string]int{}
	for _, e := range items.BillableItems.Edges {
		if e.Node.EncounterID == v.EncounterID {
			kinds[e.Node.Kind]++
		}
	}
	if kinds["MEDICATION"] != 2 || kinds["LAB_TEST"] != 2 || kinds["IMAGING_STUDY"] != 1 {
		t.Errorf("billable items of the visit: %v (errors %+v)", kinds, bi.Errors)
	}

	// Auditor: sees the clinical values too, and the audit trail; other
	// roles may not read it.
	au := h.Query(t, "auditor", encounterQuery, map[string]any{"id": v.EncounterID})
	if len(au.Errors) > 0 {
		t.Fatalf("auditor errors: %+v", au.Errors)
	}
	var av encounterView
	au.Decode(t, &av)
	if av.Encounter == nil || av.Encounter.Triage == nil || av.Encounter.Triage.VitalSigns == nil ||
		av.Encounter.Triage.VitalSigns.HeartRate != 96 || len(av.Encounter.Prescriptions) != 2 {
		t.Errorf("encounter as auditor: %s", au.Data)
	}
	assertExactlyOnce(t, h, map[string][]string{v.PatientID: v.Events}, 10*time.Second)
	denied := h.Query(t, "clinician", auditQuery, map[string]any{"p": v.PatientID})
	if len(denied.Errors) == 0 || denied.Errors[0].Code() != "FORBIDDEN" {
		t.Errorf("clinician read the audit trail: %+v", denied)
	}
}
