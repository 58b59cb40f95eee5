package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// CancelPrescription asks to cancel a prescription.
type CancelPrescription struct {
	PrescriptionID string
	prescription.CancelRequest
}

// CancelPrescriptionHandler cancels prescriptions.
type CancelPrescriptionHandler struct {
	store Prescriptions
	now   Clock
}

// NewCancelPrescriptionHandler returns a handler that cancels prescriptions
// kept in store.
func NewCancelPrescriptionHandler(store Prescriptions, now Clock) CancelPrescriptionHandler {
	return CancelPrescriptionHandler{store: store, now: now}
}

// Handle cancels the prescription and stores it with its
// PrescriptionCancelled event. Errors wrap prescription.ErrNotFound for an unknown
// prescription and prescription.ErrAlreadyCancelled (a prescription.ErrConflict) for a
// second cancellation; bad input is a *prescription.ValidationError.
func (h CancelPrescriptionHandler) Handle(ctx context.Context, cmd CancelPrescription) (Receipt, error) {
	var e contracts.Event
	err := h.store.Update(ctx, cmd.PrescriptionID, func(p *prescription.Prescription) (contracts.Event, error) {
		if err := p.Cancel(cmd.CancelRequest); err != nil {
			return contracts.Event{}, err
		}
		var err error
		e, err = newEvent(contracts.PrescriptionCancelled{PrescriptionState: p.State()}, cmd.CancelledAt, p.Version(),
			contracts.Actor{ID: cmd.CancelledBy, Role: RolePhysician}, h.now)
		return e, err
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("cancel prescription %s: %w", cmd.PrescriptionID, err)
	}
	return ReceiptFor(e), nil
}
