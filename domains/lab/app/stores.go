package app

import (
	"context"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// Orders stores lab orders together with their events: every method that
// writes stores the order and its event in one transaction, both or
// neither.
type Orders interface {
	// Add stores a new order and its first event.
	Add(ctx context.Context, o *laborder.Order, e contracts.Event) error
	// Update loads the order, calls change on it, and stores the changed
	// order and the event change returns. An error from change is returned
	// as is and nothing is written; an unknown id is an error wrapping
	// laborder.ErrNotFound.
	Update(ctx context.Context, id string, change func(*laborder.Order) (contracts.Event, error)) error
}

// OrderReader reads lab orders as stored.
type OrderReader interface {
	// Order returns one order, or an error wrapping laborder.ErrNotFound.
	Order(ctx context.Context, id string) (*laborder.Order, error)
	// PatientOrders returns the patient's orders, oldest first; none is not
	// an error.
	PatientOrders(ctx context.Context, patientID string) ([]*laborder.Order, error)
}
