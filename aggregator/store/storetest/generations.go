package storetest

import (
	"errors"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

func generationTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"readers_see_a_new_generation_only_once_it_is_activated", testGenerationSwitch[S]},
		{"active_generation_cannot_be_dropped_and_unknown_ones_cannot_be_activated", testGenerationGuards[S]},
		{"access_log_survives_a_generation_switch", testAccessSurvivesSwitch[S]},
	}
}

func testGenerationSwitch[S Store[S]](t *testing.T, s S) {
	if got := result(s.ActiveGeneration(ctx(t))).must(t); got != store.DefaultGeneration {
		t.Fatalf("active generation of a new store = %q, want %q", got, store.DefaultGeneration)
	}
	mustCommit(t, s, store.Batch{Patients: []history.Patient{patient("P-1", "Maria Oliveira", "1985-07-10")}})

	rebuild := result(s.OpenGeneration(ctx(t), "2")).must(t)
	mustCommit(t, rebuild, store.Batch{Patients: []history.Patient{patient("P-2", "João Santos", "1990-02-01")}})
	if _, err := s.Patient(ctx(t), "P-2"); !errors.Is(err, history.ErrNotFound) {
		t.Fatalf("reader sees a patient of the inactive generation 2: error %v", err)
	}
	if _, err := rebuild.Patient(ctx(t), "P-1"); !errors.Is(err, history.ErrNotFound) {
		t.Fatalf("generation 2 sees a patient of generation 1: error %v", err)
	}

	if err := rebuild.ActivateGeneration(ctx(t), "2"); err != nil {
		t.Fatalf("activate 2: %v", err)
	}
	if got := result(s.ActiveGeneration(ctx(t))).must(t); got != "2" {
		t.Fatalf("active generation = %q, want 2", got)
	}
	result(s.Patient(ctx(t), "P-2")).must(t)
	if _, err := s.Patient(ctx(t), "P-1"); !errors.Is(err, history.ErrNotFound) {
		t.Fatalf("reader still sees generation 1 after the switch: error %v", err)
	}

	old := result(s.OpenGeneration(ctx(t), store.DefaultGeneration)).must(t)
	if err := s.DropGeneration(ctx(t), store.DefaultGeneration); err != nil {
		t.Fatalf("drop generation 1: %v", err)
	}
	if _, err := old.Patient(ctx(t), "P-1"); !errors.Is(err, store.ErrUnknownGeneration) {
		t.Fatalf("reading a dropped generation: error %v, want store.ErrUnknownGeneration", err)
	}
	reopened := result(s.OpenGeneration(ctx(t), store.DefaultGeneration)).must(t)
	if _, err := reopened.Patient(ctx(t), "P-1"); !errors.Is(err, history.ErrNotFound) {
		t.Fatalf("a dropped generation reopened still has its data: error %v", err)
	}
}

func testGenerationGuards[S Store[S]](t *testing.T, s S) {
	if err := s.DropGeneration(ctx(t), store.DefaultGeneration); !errors.Is(err, store.ErrActiveGeneration) {
		t.Errorf("drop the active generation: error %v, want store.ErrActiveGeneration", err)
	}
	if err := s.ActivateGeneration(ctx(t), "never_opened"); !errors.Is(err, store.ErrUnknownGeneration) {
		t.Errorf("activate an unknown generation: error %v, want store.ErrUnknownGeneration", err)
	}
	if err := s.DropGeneration(ctx(t), "never_opened"); !errors.Is(err, store.ErrUnknownGeneration) {
		t.Errorf("drop an unknown generation: error %v, want store.ErrUnknownGeneration", err)
	}
	for _, name := range []string{"", "Two", "g.2", "$2", "a-b", "_x", "123456789012345678901234567890123"} {
		if _, err := s.OpenGeneration(ctx(t), name); !errors.Is(err, store.ErrInvalidGeneration) {
			t.Errorf("open generation %q: error %v, want store.ErrInvalidGeneration", name, err)
		}
	}
	if got := result(s.ActiveGeneration(ctx(t))).must(t); got != store.DefaultGeneration {
		t.Errorf("active generation after refused operations = %q, want %q", got, store.DefaultGeneration)
	}
}

func testAccessSurvivesSwitch[S Store[S]](t *testing.T, s S) {
	entry := access(1, "P-1")
	if err := s.AppendAccess(ctx(t), entry); err != nil {
		t.Fatalf("append access: %v", err)
	}
	result(s.OpenGeneration(ctx(t), "2")).must(t)
	if err := s.ActivateGeneration(ctx(t), "2"); err != nil {
		t.Fatalf("activate 2: %v", err)
	}
	if err := s.DropGeneration(ctx(t), store.DefaultGeneration); err != nil {
		t.Fatalf("drop 1: %v", err)
	}
	page := result(s.AccessLog(ctx(t), history.AccessQuery{Limit: 10})).must(t)
	assertEqual(t, "access log after the switch", page, history.Page[history.AccessEntry]{Items: []history.AccessEntry{entry}, Total: 1})
}
