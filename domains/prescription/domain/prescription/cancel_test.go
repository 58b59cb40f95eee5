package prescription_test

import (
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func issued(t *testing.T) *prescription.Prescription {
	t.Helper()
	pr := mustPrescriber(t, "PR-1", "Cardiology", true)
	p, err := prescription.Issue("RX-1", validIssue(), formulary(t, &pr))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func validCancel() prescription.CancelRequest {
	return prescription.CancelRequest{Reason: "Allergy reported", CancelledBy: "PR-1", CancelledAt: issuedAt.Add(time.Hour)}
}

func TestCancelRecordsWhoWhenAndWhyAndBumpsTheVersion(t *testing.T) {
	p := issued(t)
	local := time.FixedZone("BRT", -3*3600)
	req := validCancel()
	req.CancelledAt = req.CancelledAt.In(local)
	if err := p.Cancel(req); err != nil {
		t.Fatal(err)
	}
	s := p.State()
	want := contracts.Cancellation{Reason: "Allergy reported", CancelledBy: "PR-1", CancelledAt: issuedAt.Add(time.Hour)}
	if s.Status != contracts.PrescriptionStatusCancelled || s.Cancellation == nil || *s.Cancellation != want {
		t.Errorf("status %q cancellation %+v, want cancelled with %+v", s.Status, s.Cancellation, want)
	}
	if s.Cancellation != nil && s.Cancellation.CancelledAt.Location() != time.UTC {
		t.Errorf("cancelledAt %v is not in UTC", s.Cancellation.CancelledAt)
	}
	if p.Version() != 2 || !p.Cancelled() {
		t.Errorf("version %d cancelled %v, want 2 and true", p.Version(), p.Cancelled())
	}
}

func TestCancellingTwiceIsAConflict(t *testing.T) {
	p := issued(t)
	if err := p.Cancel(validCancel()); err != nil {
		t.Fatal(err)
	}
	before := p.State()
	err := p.Cancel(prescription.CancelRequest{Reason: "again", CancelledBy: "PR-2", CancelledAt: issuedAt.Add(2 * time.Hour)})
	if !errors.Is(err, prescription.ErrAlreadyCancelled) {
		t.Fatalf("second cancel: %v, want ErrAlreadyCancelled", err)
	}
	if p.Version() != 2 || p.State().Cancellation.Reason != before.Cancellation.Reason {
		t.Errorf("a refused cancel changed the prescription: version %d %+v", p.Version(), p.State().Cancellation)
	}
}

func TestCancelRejects(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*prescription.CancelRequest)
		field string
	}{
		{"a_missing_reason", func(r *prescription.CancelRequest) { r.Reason = " " }, "reason"},
		{"a_missing_canceller", func(r *prescription.CancelRequest) { r.CancelledBy = "" }, "cancelledBy"},
		{"a_missing_time", func(r *prescription.CancelRequest) { r.CancelledAt = time.Time{} }, "cancelledAt"},
		{"a_time_before_the_issue", func(r *prescription.CancelRequest) { r.CancelledAt = issuedAt.Add(-time.Minute) }, "cancelledAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := issued(t)
			req := validCancel()
			tt.edit(&req)
			wantFieldError(t, p.Cancel(req), tt.field, nil)
			if p.Cancelled() || p.Version() != 1 {
				t.Errorf("a rejected cancel changed the prescription: version %d", p.Version())
			}
		})
	}
}
