package encounter_test

import (
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

func TestCloseRejectsEachInvalidInput(t *testing.T) {
	t.Parallel()
	triaged := validTriage().AssessedAt
	tests := []struct {
		name  string
		in    encounter.CloseInput
		field string
	}{
		{"unknown_disposition", encounter.CloseInput{Disposition: "home", ClosedAt: triaged.Add(time.Hour)}, "disposition"},
		{"missing_close_time", encounter.CloseInput{Disposition: "admitted"}, "closedAt"},
		{"closed_before_arrival", encounter.CloseInput{Disposition: "admitted", ClosedAt: arrival.Add(-time.Hour)}, "closedAt"},
		{"closed_before_the_triage", encounter.CloseInput{Disposition: "admitted", ClosedAt: triaged.Add(-time.Minute)}, "closedAt"},
		{"closed_in_the_future", encounter.CloseInput{Disposition: "admitted", ClosedAt: now.Add(time.Hour)}, "closedAt"},
		{"malformed_closed_by", encounter.CloseInput{Disposition: "admitted", ClosedAt: triaged.Add(time.Hour), ClosedBy: "dr who?"}, "closedBy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := open(t)
			if err := e.RecordTriage(validTriage(), now); err != nil {
				t.Fatal(err)
			}
			wantFields(t, e.Close(tc.in, now), tc.field)
			if e.Status() != encounter.StatusOpen {
				t.Error("a rejected close closed the encounter")
			}
		})
	}
}

func TestClosingTwiceIsAConflict(t *testing.T) {
	t.Parallel()
	e := open(t)
	in := encounter.CloseInput{Disposition: "left-without-being-seen", ClosedAt: arrival.Add(time.Hour), ClosedBy: "PR-1"}
	if err := e.Close(in, now); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if e.Version() != 2 || e.Status() != encounter.StatusClosed || !e.ClosedAt().Equal(in.ClosedAt) {
		t.Errorf("closed encounter: version %d, status %s, closedAt %s", e.Version(), e.Status(), e.ClosedAt())
	}
	if err := e.Close(in, now); !errors.Is(err, encounter.ErrClosed) {
		t.Errorf("second Close = %v, want ErrClosed", err)
	}
	if e.Version() != 2 {
		t.Errorf("version = %d after a refused close, want 2", e.Version())
	}
}
