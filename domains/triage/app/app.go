package app

import (
	"time"

	"github.com/google/uuid"

	"github.com/prontuario/prontuario/contracts"
)

// Application is every use case of the triage service.
type Application struct {
	OpenEncounter     OpenEncounterHandler
	RecordTriage      RecordTriageHandler
	CloseEncounter    CloseEncounterHandler
	Encounter         EncounterHandler
	PatientEncounters PatientEncountersHandler
}

// New wires the use cases to their store. now tells the time (time.Now in
// production).
func New(store Store, now func() time.Time) Application {
	return Application{
		OpenEncounter:     OpenEncounterHandler{store: store, now: now},
		RecordTriage:      RecordTriageHandler{store: store, now: now},
		CloseEncounter:    CloseEncounterHandler{store: store, now: now},
		Encounter:         EncounterHandler{store: store},
		PatientEncounters: PatientEncountersHandler{store: store},
	}
}

// Receipt is what a command answers once its change is committed. It is
// also the answer saved for an Idempotency-Key, hence the JSON names.
type Receipt struct {
	// ID is the id of the encounter the command created or changed.
	ID string `json:"id"`
	// EventID is the id of the event the change emitted.
	EventID string `json:"eventId"`
	// Version is the encounter's version after the change.
	Version int64 `json:"version"`
}

// NewReceipt is the receipt of the change that emitted e.
func NewReceipt(e contracts.Event) Receipt {
	return Receipt{ID: e.AggregateID, EventID: e.ID, Version: e.AggregateVersion}
}

// Actor roles of the triage service's events.
const (
	RoleClerk     = "clerk"
	RoleNurse     = "nurse"
	RolePhysician = "physician"
)

// actor is who did a change, or no actor when the client did not say.
func actor(role, id string) contracts.Actor {
	if id == "" {
		return contracts.Actor{}
	}
	return contracts.Actor{ID: id, Role: role}
}

// newEvent builds the event of a change, recorded now. Its correlation id
// and trace parent are filled in from the context by outbox.Append.
func newEvent(p contracts.Payload, occurredAt time.Time, version int64, who contracts.Actor, now func() time.Time) (contracts.Event, error) {
	return contracts.NewEvent(p, contracts.Meta{OccurredAt: occurredAt, RecordedAt: now(), AggregateVersion: version, Actor: who})
}

// newEncounterID generates a readable, time-ordered encounter id.
func newEncounterID() string { return "E-" + uuid.Must(uuid.NewV7()).String() }
