package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

func documentTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"patient_written_as_new_reads_back_equal_at_revision_1", testPatientRoundTrip[S]},
		{"encounter_with_every_kind_of_record_reads_back_equal", testEncounterRoundTrip[S]},
		{"times_are_read_back_in_utc", testTimesInUTC[S]},
		{"load_returns_stored_documents_and_omits_unknown_ids", testLoad[S]},
		{"unknown_patient_and_encounter_are_not_found", testNotFound[S]},
		{"empty_batch_writes_nothing", testEmptyBatch[S]},
	}
}

func testPatientRoundTrip[S Store[S]](t *testing.T, s S) {
	withDemographics := patient("P-1", "Maria Oliveira", "1985-07-10", "E-1", "E-2")
	bare := history.NewPatient("P-2") // known only from non-triage events
	mustCommit(t, s, store.Batch{Patients: []history.Patient{withDemographics, bare}})

	for _, want := range []history.Patient{withDemographics, bare} {
		want.Revision = 1
		got := result(s.Patient(ctx(t), want.ID)).must(t)
		assertEqual(t, "patient "+want.ID, got, want)
	}
}

func testEncounterRoundTrip[S Store[S]](t *testing.T, s S) {
	full := fullEncounter("E-1", "P-1")
	bare := history.NewEncounter("P-1", "E-2")
	mustCommit(t, s, store.Batch{Encounters: []history.Encounter{full, bare}})

	for _, want := range []history.Encounter{full, bare} {
		want.Revision = 1
		got := result(s.Encounter(ctx(t), want.ID)).must(t)
		assertEqual(t, "encounter "+want.ID, got, want)
	}
}

func testTimesInUTC[S Store[S]](t *testing.T, s S) {
	saoPaulo := time.FixedZone("BRT", -3*60*60)
	e := encounter("E-1", "P-1", at(10).In(saoPaulo))
	mustCommit(t, s, store.Batch{Encounters: []history.Encounter{e}})

	got := result(s.Encounter(ctx(t), "E-1")).must(t)
	if !got.SortTime.Equal(at(10)) || got.SortTime.Location() != time.UTC {
		t.Fatalf("sort time = %v, want %v in UTC", got.SortTime, at(10))
	}
}

func testLoad[S Store[S]](t *testing.T, s S) {
	p := patient("P-1", "Maria Oliveira", "1985-07-10", "E-1")
	e := fullEncounter("E-1", "P-1")
	mustCommit(t, s, store.Batch{Patients: []history.Patient{p}, Encounters: []history.Encounter{e}})

	patients, encounters, err := s.Load(ctx(t), []string{"P-1", "P-404"}, []string{"E-1", "E-404"})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	p.Revision, e.Revision = 1, 1
	assertEqual(t, "loaded patients", patients, map[string]history.Patient{"P-1": p})
	assertEqual(t, "loaded encounters", encounters, map[string]history.Encounter{"E-1": e})

	patients, encounters, err = s.Load(ctx(t), nil, nil)
	if err != nil || len(patients) != 0 || len(encounters) != 0 {
		t.Fatalf("load of nothing = %v, %v, %v; want two empty maps", patients, encounters, err)
	}
}

func testNotFound[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{Patients: []history.Patient{history.NewPatient("P-1")}})
	if _, err := s.Patient(ctx(t), "P-404"); !errors.Is(err, history.ErrNotFound) {
		t.Errorf("Patient(P-404) error = %v, want history.ErrNotFound", err)
	}
	if _, err := s.Encounter(ctx(t), "P-1"); !errors.Is(err, history.ErrNotFound) {
		t.Errorf("Encounter(P-1), a patient's id, error = %v, want history.ErrNotFound", err)
	}
}

func testEmptyBatch[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{})
	mustCommit(t, s, store.Batch{Billable: map[string][]history.BillableItem{}})
	fresh := result(s.Freshness(ctx(t))).must(t)
	if len(fresh) != 0 {
		t.Fatalf("freshness after empty batches = %+v, want none", fresh)
	}
}
