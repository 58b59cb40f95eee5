package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func cancelCmd(id string) app.CancelPrescription {
	return app.CancelPrescription{
		PrescriptionID: id,
		CancelRequest:  prescription.CancelRequest{Reason: "Allergy reported", CancelledBy: "PR-1", CancelledAt: issuedAt.Add(time.Hour)},
	}
}

func TestCancelStoresVersionTwoWithItsEvent(t *testing.T) {
	a, s := seeded(t)
	issued := issue(t, a, "PR-1", "ASA100")
	r, err := a.CancelPrescription.Handle(context.Background(), cancelCmd(issued.ID))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != issued.ID || r.Version != 2 || r.EventID == issued.EventID {
		t.Errorf("receipt %+v after %+v", r, issued)
	}
	e := s.lastEvent()
	body := e.Payload.(contracts.PrescriptionCancelled).PrescriptionState
	if e.AggregateVersion != 2 || body.Status != "cancelled" || body.Cancellation.Reason != "Allergy reported" || len(body.Items) != 1 {
		t.Errorf("event v%d body %+v", e.AggregateVersion, body)
	}
	if !e.OccurredAt.Equal(issuedAt.Add(time.Hour)) || e.Actor != (contracts.Actor{ID: "PR-1", Role: "physician"}) {
		t.Errorf("occurred %v actor %v", e.OccurredAt, e.Actor)
	}
}

func TestCancelRefuses(t *testing.T) {
	a, s := seeded(t)
	issued := issue(t, a, "PR-1", "ASA100")
	if _, err := a.CancelPrescription.Handle(context.Background(), cancelCmd(issued.ID)); err != nil {
		t.Fatal(err)
	}
	events := s.eventCount()
	invalid := cancelCmd(issue(t, a, "PR-1", "ASA100").ID)
	invalid.Reason = ""
	tests := []struct {
		name string
		cmd  app.CancelPrescription
		want error
	}{
		{"an_unknown_prescription", cancelCmd("RX-404"), prescription.ErrNotFound},
		{"a_second_cancellation", cancelCmd(issued.ID), prescription.ErrAlreadyCancelled},
		{"a_cancellation_without_reason", invalid, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.CancelPrescription.Handle(context.Background(), tt.cmd)
			var v *prescription.ValidationError
			switch {
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Errorf("got %v, want %v", err, tt.want)
			case tt.want == nil && !errors.As(err, &v):
				t.Errorf("got %v, want a validation error", err)
			}
		})
	}
	if n := s.eventCount(); n != events+1 {
		t.Errorf("refused cancellations wrote %d events", n-events-1)
	}
	if !errors.Is(prescription.ErrAlreadyCancelled, prescription.ErrConflict) {
		t.Error("ErrAlreadyCancelled is not a conflict")
	}
}
