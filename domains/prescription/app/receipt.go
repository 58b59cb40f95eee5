package app

import (
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Receipt is what a command answers once its change is committed. It is
// the JSON body of a command's 201 answer, and the answer saved for its
// Idempotency-Key in the command's transaction.
type Receipt struct {
	// ID is the id of the record the command created or changed.
	ID string `json:"id"`
	// EventID is the id of the event the change emitted.
	EventID string `json:"eventId"`
	// Version is the record's version after the change.
	Version int64 `json:"version"`
}

// ReceiptFor is the receipt of the change that emitted e.
func ReceiptFor(e contracts.Event) Receipt {
	return Receipt{ID: e.AggregateID, EventID: e.ID, Version: e.AggregateVersion}
}

// Clock tells the time; production uses time.Now.
type Clock func() time.Time

// RolePhysician is the actor role of prescribers and of whoever cancels a
// prescription (a prescriber cancels their own prescriptions).
const RolePhysician = "physician"

// newEvent builds the event of a change, recorded now. Its correlation id
// and trace parent are filled in from the context by outbox.Append.
func newEvent(p contracts.Payload, occurredAt time.Time, version int64, actor contracts.Actor, now Clock) (contracts.Event, error) {
	return contracts.NewEvent(p, contracts.Meta{
		OccurredAt:       occurredAt,
		RecordedAt:       now(),
		AggregateVersion: version,
		Actor:            actor,
	})
}
