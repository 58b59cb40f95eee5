package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// CorrectLabResult asks to correct the final result of one test.
type CorrectLabResult struct {
	OrderID string
	Code    string // LOINC code of the result to correct
	laborder.CorrectionRequest
}

// CorrectLabResultHandler corrects lab results.
type CorrectLabResultHandler struct {
	store Orders
	now   Clock
}

// NewCorrectLabResultHandler returns a handler updating orders in store.
func NewCorrectLabResultHandler(store Orders, now Clock) CorrectLabResultHandler {
	return CorrectLabResultHandler{store: store, now: now}
}

// Handle corrects the result and stores the order with its
// LabResultCorrected event, whose result keeps the previous value in its
// Corrections. Errors wrap laborder.ErrNotFound for an unknown order or a
// test without a result (laborder.ErrResultNotFound) and laborder.ErrConflict
// for a result still preliminary (laborder.ErrResultNotFinal); bad input is
// a *laborder.ValidationError.
func (h CorrectLabResultHandler) Handle(ctx context.Context, cmd CorrectLabResult) (Receipt, error) {
	var e contracts.Event
	err := h.store.Update(ctx, cmd.OrderID, func(o *laborder.Order) (contracts.Event, error) {
		if err := o.CorrectResult(cmd.Code, cmd.CorrectionRequest); err != nil {
			return contracts.Event{}, err
		}
		var err error
		e, err = newEvent(contracts.LabResultCorrected{LabOrderState: o.State(), ResultCode: cmd.Code}, cmd.CorrectedAt,
			o.Version(), contracts.Actor{ID: cmd.CorrectedBy, Role: RoleLabTech}, h.now)
		return e, err
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("correct result %s on lab order %s: %w", cmd.Code, cmd.OrderID, err)
	}
	return ReceiptFor(e), nil
}
