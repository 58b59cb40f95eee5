package encounter_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

func TestStateSurvivesRestoreAndSatisfiesTheContract(t *testing.T) {
	t.Parallel()
	e := open(t)
	second := validTriage()
	second.AssessedAt = second.AssessedAt.Add(time.Minute)
	for _, in := range []encounter.AssessmentInput{validTriage(), second} {
		if err := e.RecordTriage(in, now); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.Close(encounter.CloseInput{Disposition: "admitted", ClosedAt: arrival.Add(time.Hour)}, now); err != nil {
		t.Fatal(err)
	}
	restored, err := encounter.Restore(e.State(), e.Version())
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !reflect.DeepEqual(restored.State(), e.State()) || restored.Version() != 4 {
		t.Errorf("restored %+v v%d, want %+v v4", restored.State(), restored.Version(), e.State())
	}
	ev, err := contracts.NewEvent(contracts.EncounterClosed{EncounterState: e.State()}, contracts.Meta{OccurredAt: arrival, AggregateVersion: e.Version()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := contracts.Encode(ev); err != nil {
		t.Errorf("the state breaks the event contract: %v", err)
	}
}

func TestRestoreRefusesInconsistentState(t *testing.T) {
	t.Parallel()
	good := open(t).State()
	tests := map[string]func(*contracts.EncounterState) int64{
		"zero_version":                func(*contracts.EncounterState) int64 { return 0 },
		"unknown_status":              func(s *contracts.EncounterState) int64 { s.Status = "paused"; return 1 },
		"closed_without_a_close_time": func(s *contracts.EncounterState) int64 { s.Status = "closed"; return 2 },
		"patient_ids_disagree":        func(s *contracts.EncounterState) int64 { s.PatientID = "P-other"; return 1 },
		"invalid_patient":             func(s *contracts.EncounterState) int64 { s.Patient.Sex = "?"; return 1 },
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			s := good
			version := spoil(&s)
			if _, err := encounter.Restore(s, version); err == nil {
				t.Error("Restore accepted an inconsistent state")
			}
		})
	}
}
