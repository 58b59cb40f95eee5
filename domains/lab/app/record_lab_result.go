package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// RecordLabResult asks to record the result of one ordered test.
type RecordLabResult struct {
	OrderID string
	laborder.ResultRequest
}

// RecordLabResultHandler records lab results.
type RecordLabResultHandler struct {
	store Orders
	now   Clock
}

// NewRecordLabResultHandler returns a handler updating orders in store.
func NewRecordLabResultHandler(store Orders, now Clock) RecordLabResultHandler {
	return RecordLabResultHandler{store: store, now: now}
}

// Handle records the result and stores the order with its
// LabResultRecorded event. Errors wrap laborder.ErrNotFound for an unknown
// order and laborder.ErrResultFinal (a laborder.ErrConflict) when the test's
// result is already final; bad input, including a test that was not
// ordered (laborder.ErrTestNotOrdered), is a *laborder.ValidationError.
func (h RecordLabResultHandler) Handle(ctx context.Context, cmd RecordLabResult) (Receipt, error) {
	var e contracts.Event
	err := h.store.Update(ctx, cmd.OrderID, func(o *laborder.Order) (contracts.Event, error) {
		if err := o.RecordResult(cmd.ResultRequest); err != nil {
			return contracts.Event{}, err
		}
		var err error
		e, err = newEvent(contracts.LabResultRecorded{LabOrderState: o.State(), ResultCode: cmd.Code}, cmd.ResultedAt,
			o.Version(), contracts.Actor{ID: cmd.Performer, Role: RoleLabTech}, h.now)
		return e, err
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("record result %s on lab order %s: %w", cmd.Code, cmd.OrderID, err)
	}
	return ReceiptFor(e), nil
}
