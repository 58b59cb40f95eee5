package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/contracts"
)

// A rebuild may switch the active generation between a live batch's Load and
// its Commit. The batch must then commit where it loaded from, the old
// generation (whose events the rebuild confirms after the switch), and never
// write documents built from the old generation into the new one.
func TestALiveBatchCommitsToTheGenerationItLoadedFrom(t *testing.T) {
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, sqlitestore.Config{Path: filepath.Join(t.TempDir(), "read.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	old, err := s.ActiveGeneration(ctx)
	if err != nil {
		t.Fatal(err)
	}
	next, err := s.OpenGeneration(ctx, "g2")
	if err != nil {
		t.Fatal(err)
	}
	// The applier reads its clock once per batch, between Load and Commit:
	// the second batch's reading switches generations, as a rebuild would.
	var clockReads atomic.Int32
	now := func() time.Time {
		if clockReads.Add(1) == 2 {
			if err := s.ActivateGeneration(ctx, "g2"); err != nil {
				t.Errorf("switch: %v", err)
			}
		}
		return time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	}
	a := pipeline.NewApplier(followActive{s}, pipeline.Config{Now: now}, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()
	defer func() { stop(); <-done }()

	opened, triaged := visit(t)
	for _, e := range []contracts.Event{opened, triaged} {
		if err := a.Apply(ctx, history.Delivery{Event: e, Topic: e.Topic(), Offset: e.AggregateVersion, ReceivedAt: e.OccurredAt}); err != nil {
			t.Fatalf("apply %s: %v", e.Type, err)
		}
	}
	if active, _ := s.ActiveGeneration(ctx); active != "g2" {
		t.Fatalf("active generation %q: the switch did not happen, the test proves nothing", active)
	}
	if _, err := next.Encounter(ctx, "E-1"); !errors.Is(err, history.ErrNotFound) {
		t.Errorf("the new generation got encounter E-1 (err %v) from a batch loaded from the old one", err)
	}
	prev, err := s.OpenGeneration(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	e, err := prev.Encounter(ctx, "E-1")
	if err != nil {
		t.Fatalf("old generation: %v", err)
	}
	if e.Status != history.StatusOpen || len(e.Missing) != 0 {
		t.Errorf("old generation's encounter is %s missing %v, want both events applied", e.Status, e.Missing)
	}

	// The new generation gets its own E-1, the opening alone, stored at
	// revision 2 like the old generation's: the next batch must bind the
	// new generation and build on that, not on documents the applier
	// cached from the old one (same revisions, other content).
	rebuilt, err := history.Apply(history.NewSlice("P-1", "E-1"), history.Delivery{Event: opened, Topic: opened.Topic(), Offset: 1, ReceivedAt: opened.OccurredAt})
	if err != nil {
		t.Fatal(err)
	}
	for rev := range int64(2) {
		rebuilt.Patient.Revision, rebuilt.Encounter.Revision = rev, rev
		if err := next.Commit(ctx, store.Batch{Patients: []history.Patient{rebuilt.Patient}, Encounters: []history.Encounter{rebuilt.Encounter}}); err != nil {
			t.Fatal(err)
		}
	}
	closing := closed(t, triaged)
	if err := a.Apply(ctx, history.Delivery{Event: closing, Topic: closing.Topic(), Offset: 3, ReceivedAt: closing.OccurredAt}); err != nil {
		t.Fatalf("apply %s: %v", closing.Type, err)
	}
	e, err = next.Encounter(ctx, "E-1")
	if err != nil {
		t.Fatalf("new generation: %v", err)
	}
	if e.Visit == nil || e.Visit.Current.Provenance.RecordVersion != 3 || len(e.Visit.Superseded) != 1 {
		t.Errorf("new generation's encounter visit %+v, want version 3 over version 1 alone: the old generation's versions leaked into it", e.Visit)
	}
}

// closed is the closing of the encounter of triaged, version 3.
func closed(t *testing.T, triaged contracts.Event) contracts.Event {
	t.Helper()
	st := triaged.Payload.(contracts.TriageRecorded).EncounterState
	when := triaged.OccurredAt.Add(time.Hour)
	st.Status, st.ClosedAt = contracts.EncounterStatusClosed, &when
	e, err := contracts.NewEvent(contracts.EncounterClosed{EncounterState: st}, contracts.Meta{OccurredAt: when, RecordedAt: when, AggregateVersion: 3})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// visit is an encounter opened, then triaged.
func visit(t *testing.T) (opened, triaged contracts.Event) {
	t.Helper()
	arrived := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	st := contracts.EncounterState{PatientID: "P-1", EncounterID: "E-1", ArrivedAt: arrived, Status: contracts.EncounterStatusOpen,
		Patient: contracts.Patient{ID: "P-1", Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"}}
	tri := st
	tri.Triage = &contracts.TriageAssessment{Acuity: 3, ChiefComplaint: "Chest pain", NurseID: "N-1", AssessedAt: arrived.Add(5 * time.Minute),
		Vitals: contracts.Vitals{HeartRate: 90, Systolic: 130, Diastolic: 85, RespiratoryRate: 16, TemperatureC: 36.8, SpO2: 98, PainScore: 5}}
	var out []contracts.Event
	for i, p := range []contracts.Payload{contracts.EncounterOpened{EncounterState: st}, contracts.TriageRecorded{EncounterState: tri}} {
		when := arrived.Add(time.Duration(5*i) * time.Minute)
		e, err := contracts.NewEvent(p, contracts.Meta{OccurredAt: when, RecordedAt: when, AggregateVersion: int64(i + 1)})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out[0], out[1]
}
