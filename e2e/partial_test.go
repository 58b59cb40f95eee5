package e2e

import (
	"reflect"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/harness"
)

// partialRecords: lab and imaging arrive for an encounter whose arrival is
// sent last; the encounter is visible early as UNKNOWN with what is missing,
// and heals in place.
func partialRecords(t *testing.T, h *harness.Hospital) {
	v := newVisit(h)
	v.lab(t)
	v.imaging(t)
	a := h.Query(t, "clinician", encounterQuery, map[string]any{"id": v.EncounterID}, v.Events...)
	var early encounterView
	a.Decode(t, &early)
	if early.Encounter == nil {
		t.Fatalf("the partial encounter is not visible: %s %+v", a.Data, a.Errors)
	}
	if early.Encounter.Status != "UNKNOWN" || early.Encounter.Completeness.Complete ||
		!reflect.DeepEqual(early.Encounter.Completeness.Missing, []string{"ENCOUNTER", "TRIAGE"}) {
		t.Errorf("partial encounter: status %s completeness %+v", early.Encounter.Status, early.Encounter.Completeness)
	}
	if len(early.Encounter.LabOrders) != 1 || len(early.Encounter.ImagingStudies) != 1 || early.Encounter.Triage != nil {
		t.Errorf("partial encounter's records: %s", a.Data)
	}
	// Partial records are data, not errors.
	if len(a.Errors) > 0 {
		t.Errorf("errors for a partial encounter: %+v", a.Errors)
	}
	v.open(t)
	v.triage(t)
	a = h.Query(t, "clinician", encounterQuery, map[string]any{"id": v.EncounterID}, v.Events...)
	var healed encounterView
	a.Decode(t, &healed)
	if healed.Encounter == nil || healed.Encounter.Status != "OPEN" || !healed.Encounter.Completeness.Complete ||
		len(healed.Encounter.LabOrders) != 1 || len(healed.Encounter.ImagingStudies) != 1 || healed.Encounter.Triage == nil {
		t.Fatalf("encounter did not heal in place: %s", a.Data)
	}
	assertExactlyOnce(t, h, map[string][]string{v.PatientID: v.Events}, 10*time.Second)
}

// readYourWrites: a command followed by a query that waits for its event
// always sees it.
func readYourWrites(t *testing.T, h *harness.Hospital) {
	accepted := map[string][]string{}
	for i := 0; i < 10; i++ {
		v := newVisit(h)
		v.open(t)
		a := h.Query(t, "clinician", `query($id: ID!) { encounter(id: $id) { id status } }`, map[string]any{"id": v.EncounterID}, v.Events...)
		var got struct{ Encounter *struct{ ID, Status string } }
		a.Decode(t, &got)
		if got.Encounter == nil || got.Encounter.Status != "OPEN" {
			t.Fatalf("round %d: the awaited encounter is not visible: %s (extensions %v)", i, a.Data, a.Extensions)
		}
		if c, ok := a.Extensions["consistency"].(map[string]any); !ok || c["applied"] != true {
			t.Errorf("round %d: consistency extension %v", i, a.Extensions)
		}
		accepted[v.PatientID] = v.Events
	}
	assertExactlyOnce(t, h, accepted, 10*time.Second)
}
