package history

import (
	"slices"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

func TestNewSliceIsAnUnknownEncounterOfAPatientWithoutDemographics(t *testing.T) {
	s := NewSlice(pat, enc)
	e, p := s.Encounter, s.Patient
	if e.ID != enc || e.PatientID != pat || e.Status != StatusUnknown || e.Visit != nil || !e.SortTime.IsZero() {
		t.Errorf("encounter %+v, want %s of %s, UNKNOWN, without visit or sort time", e, enc, pat)
	}
	if !slices.Equal(e.Missing, []string{MissingEncounter, MissingTriage}) || e.Complete() {
		t.Errorf("missing %v, want [ENCOUNTER TRIAGE]", e.Missing)
	}
	if p.ID != pat || p.Demographics != nil || !slices.Equal(p.Missing(), []string{MissingDemographics}) {
		t.Errorf("patient %+v, want %s without demographics", p, pat)
	}
	// Empty collections render as [], not null, like loaded documents.
	want := `{"id":"P-1001","encounterIds":[],"updatedAt":"0001-01-01T00:00:00Z","revision":0}`
	if got := render(t, p, false); got != want {
		t.Errorf("patient renders as %s, want %s", got, want)
	}
	want = `{"id":"E-2001","patientId":"P-1001","status":"UNKNOWN","sortTime":"0001-01-01T00:00:00Z","prescriptions":[],"labOrders":[],"imagingStudies":[],"missing":["ENCOUNTER","TRIAGE"],"updatedAt":"0001-01-01T00:00:00Z","revision":0}`
	if got := render(t, e, false); got != want {
		t.Errorf("encounter renders as %s, want %s", got, want)
	}
}

func TestApplyFillsCollectionsOfADocumentLoadedWithNulls(t *testing.T) {
	d := newBuilder(t).deliver(contracts.EncounterOpened{EncounterState: visit(pat, enc, at(0))}, 1, at(0), nurse)
	loaded := Slice{Patient: Patient{ID: pat}, Encounter: Encounter{ID: enc}}
	got, err := Apply(loaded, d)
	if err != nil {
		t.Fatal(err)
	}
	e := got.Encounter
	if e.Prescriptions == nil || e.LabOrders == nil || e.ImagingStudies == nil || e.Missing == nil || got.Patient.EncounterIDs == nil {
		t.Errorf("a collection stayed nil: %+v", got)
	}
	if e.PatientID != pat || e.Status != StatusOpen {
		t.Errorf("encounter of %q is %s, want of %s and OPEN", e.PatientID, e.Status, pat)
	}
}
