package study_test

import (
	"reflect"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

func TestStateSurvivesRestoreAndSatisfiesTheContract(t *testing.T) {
	t.Parallel()
	for steps := 0; steps <= 3; steps++ {
		s := advance(t, min(steps, 2))
		if steps == 3 {
			if err := s.AmendReport(validAmend(), now); err != nil {
				t.Fatal(err)
			}
		}
		restored, err := study.Restore(s.State(), s.Version())
		if err != nil {
			t.Fatalf("step %d: Restore: %v", steps, err)
		}
		if !reflect.DeepEqual(restored.State(), s.State()) || restored.Version() != s.Version() {
			t.Errorf("step %d: restored %+v v%d, want %+v v%d", steps, restored.State(), restored.Version(), s.State(), s.Version())
		}
		payloads := []contracts.Payload{contracts.ImagingStudyOrdered{ImagingStudyState: s.State()}, contracts.ImagingStudyPerformed{ImagingStudyState: s.State()},
			contracts.ImagingReportFinalized{ImagingStudyState: s.State()}, contracts.ImagingReportAmended{ImagingStudyState: s.State()}}
		ev, err := contracts.NewEvent(payloads[steps], contracts.Meta{OccurredAt: now, AggregateVersion: s.Version()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := contracts.Encode(ev); err != nil {
			t.Errorf("step %d: the state breaks the event contract: %v", steps, err)
		}
	}
}

func TestRestoreRefusesInconsistentState(t *testing.T) {
	t.Parallel()
	performed := advance(t, 1).State()
	tests := map[string]func(*contracts.ImagingStudyState) int64{
		"zero_version":              func(*contracts.ImagingStudyState) int64 { return 0 },
		"performed_without_a_time":  func(s *contracts.ImagingStudyState) int64 { s.PerformedAt = nil; return 2 },
		"ordered_but_performed":     func(s *contracts.ImagingStudyState) int64 { s.Status = "ordered"; return 2 },
		"reported_without_a_report": func(s *contracts.ImagingStudyState) int64 { s.Status = "reported"; return 3 },
		"unknown_modality":          func(s *contracts.ImagingStudyState) int64 { s.Modality = "XX"; return 2 },
		"unknown_status":            func(s *contracts.ImagingStudyState) int64 { s.Status = "lost"; return 2 },
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			s := performed
			at := *s.PerformedAt
			s.PerformedAt = &at
			version := spoil(&s)
			if _, err := study.Restore(s, version); err == nil {
				t.Error("Restore accepted an inconsistent state")
			}
		})
	}
}
