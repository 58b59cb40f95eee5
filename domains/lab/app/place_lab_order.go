package app

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// PlaceLabOrder asks to place a lab order.
type PlaceLabOrder struct {
	laborder.PlaceRequest
}

// PlaceLabOrderHandler places lab orders.
type PlaceLabOrderHandler struct {
	store Orders
	now   Clock
}

// NewPlaceLabOrderHandler returns a handler storing orders in store.
func NewPlaceLabOrderHandler(store Orders, now Clock) PlaceLabOrderHandler {
	return PlaceLabOrderHandler{store: store, now: now}
}

// Handle places the order with a new id ("LO-" + UUIDv7) and stores it with
// its LabOrderPlaced event. Bad input is a *laborder.ValidationError.
func (h PlaceLabOrderHandler) Handle(ctx context.Context, cmd PlaceLabOrder) (Receipt, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return Receipt{}, fmt.Errorf("place lab order: new id: %w", err)
	}
	o, err := laborder.Place("LO-"+id.String(), cmd.PlaceRequest)
	if err != nil {
		return Receipt{}, err
	}
	s := o.State()
	e, err := newEvent(contracts.LabOrderPlaced{LabOrderState: s}, s.OrderedAt, o.Version(),
		contracts.Actor{ID: s.OrderedBy, Role: RolePhysician}, h.now)
	if err != nil {
		return Receipt{}, fmt.Errorf("place lab order: %w", err)
	}
	if err := h.store.Add(ctx, o, e); err != nil {
		return Receipt{}, fmt.Errorf("place lab order %s: %w", o.ID(), err)
	}
	return ReceiptFor(e), nil
}
