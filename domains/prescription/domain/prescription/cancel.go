package prescription

import (
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// CancelRequest is a request to cancel a prescription.
type CancelRequest struct {
	Reason      string
	CancelledBy string
	CancelledAt time.Time
}

// Cancel cancels the prescription and bumps its version. It returns a
// *ValidationError for bad input (including a cancellation dated before the
// prescription was issued) and ErrAlreadyCancelled if it was cancelled
// before; on error the prescription is unchanged.
func (p *Prescription) Cancel(req CancelRequest) error {
	var c checker
	c.text("reason", req.Reason, maxTextLen)
	c.id("cancelledBy", req.CancelledBy)
	c.time("cancelledAt", req.CancelledAt)
	if !req.CancelledAt.IsZero() && req.CancelledAt.Before(p.state.IssuedAt) {
		c.add("cancelledAt", nil, "must not be before the prescription was issued (%s)", p.state.IssuedAt.Format(time.RFC3339))
	}
	if err := c.err(); err != nil {
		return err
	}
	if p.Cancelled() {
		return ErrAlreadyCancelled
	}
	p.state.Status = contracts.PrescriptionStatusCancelled
	p.state.Cancellation = &contracts.Cancellation{
		Reason:      req.Reason,
		CancelledBy: req.CancelledBy,
		CancelledAt: req.CancelledAt.UTC(),
	}
	p.version++
	return nil
}
