package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestCorrectionEventKeepsThePreviousValue(t *testing.T) {
	a, s := newApp()
	order := place(t, a)
	if _, err := a.RecordLabResult.Handle(context.Background(), resultCmd(order.ID, contracts.ResultStatusFinal)); err != nil {
		t.Fatal(err)
	}
	r, err := a.CorrectLabResult.Handle(context.Background(), correctCmd(order.ID))
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != 3 {
		t.Errorf("version %d, want 3", r.Version)
	}
	e := s.lastEvent()
	body := e.Payload.(contracts.LabResultCorrected)
	res := body.Results[0]
	if body.ResultCode != "2823-3" || res.Status != "corrected" || res.Value != 4.2 || res.Interpretation != "N" {
		t.Errorf("result %+v", res)
	}
	if len(res.Corrections) != 1 || res.Corrections[0].PreviousValue != 5.9 || res.Corrections[0].Value != 4.2 {
		t.Errorf("corrections %+v, want 5.9 -> 4.2", res.Corrections)
	}
	if e.Actor != (contracts.Actor{ID: "LAB-9", Role: "labtech"}) || !e.OccurredAt.Equal(orderedAt.Add(2*time.Hour)) {
		t.Errorf("actor %v occurred %v", e.Actor, e.OccurredAt)
	}
}

func TestCorrectResultRefuses(t *testing.T) {
	a, s := newApp()
	order := place(t, a)
	preliminary := place(t, a)
	if _, err := a.RecordLabResult.Handle(context.Background(), resultCmd(preliminary.ID, contracts.ResultStatusPreliminary)); err != nil {
		t.Fatal(err)
	}
	events := s.eventCount()
	tests := []struct {
		name string
		cmd  app.CorrectLabResult
		want error
	}{
		{"an_unknown_order", correctCmd("LO-404"), laborder.ErrNotFound},
		{"a_result_never_recorded", correctCmd(order.ID), laborder.ErrResultNotFound},
		{"a_preliminary_result", correctCmd(preliminary.ID), laborder.ErrResultNotFinal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := a.CorrectLabResult.Handle(context.Background(), tt.cmd); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
	if n := s.eventCount(); n != events {
		t.Errorf("refused corrections wrote %d events", n-events)
	}
}
