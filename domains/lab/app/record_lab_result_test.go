package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestRecordResultStoresTheNextVersionWithItsEvent(t *testing.T) {
	a, s := newApp()
	order := place(t, a)
	r, err := a.RecordLabResult.Handle(context.Background(), resultCmd(order.ID, contracts.ResultStatusFinal))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != order.ID || r.Version != 2 {
		t.Errorf("receipt %+v", r)
	}
	e := s.lastEvent()
	body := e.Payload.(contracts.LabResultRecorded)
	if body.ResultCode != "2823-3" || len(body.Results) != 1 || body.Results[0].Interpretation != "H" || body.Results[0].Name != "Potassium" {
		t.Errorf("event body %+v", body)
	}
	if e.Actor != (contracts.Actor{ID: "LAB-7", Role: "labtech"}) || e.AggregateVersion != 2 {
		t.Errorf("actor %v version %d", e.Actor, e.AggregateVersion)
	}
}

func TestRecordResultRefuses(t *testing.T) {
	a, s := newApp()
	order := place(t, a)
	if _, err := a.RecordLabResult.Handle(context.Background(), resultCmd(order.ID, contracts.ResultStatusFinal)); err != nil {
		t.Fatal(err)
	}
	events := s.eventCount()
	notOrdered := resultCmd(order.ID, contracts.ResultStatusFinal)
	notOrdered.Code = "2345-7"
	tests := []struct {
		name string
		cmd  app.RecordLabResult
		want error
	}{
		{"an_unknown_order", resultCmd("LO-404", contracts.ResultStatusFinal), laborder.ErrNotFound},
		{"a_preliminary_over_a_final_result", resultCmd(order.ID, contracts.ResultStatusPreliminary), laborder.ErrResultFinal},
		{"a_test_not_ordered", notOrdered, laborder.ErrTestNotOrdered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := a.RecordLabResult.Handle(context.Background(), tt.cmd); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
	if n := s.eventCount(); n != events {
		t.Errorf("refused results wrote %d events", n-events)
	}
}
