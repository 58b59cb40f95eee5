package app

import (
	"time"

	"github.com/google/uuid"

	"github.com/prontuario/prontuario/contracts"
)

// Application is every use case of the imaging service.
type Application struct {
	OrderStudy      OrderStudyHandler
	RecordPerformed RecordPerformedHandler
	FinalizeReport  FinalizeReportHandler
	AmendReport     AmendReportHandler
	Study           StudyHandler
	PatientStudies  PatientStudiesHandler
}

// New wires the use cases to their store. now tells the time (time.Now in
// production).
func New(store Store, now func() time.Time) Application {
	return Application{
		OrderStudy:      OrderStudyHandler{store: store, now: now},
		RecordPerformed: RecordPerformedHandler{store: store, now: now},
		FinalizeReport:  FinalizeReportHandler{store: store, now: now},
		AmendReport:     AmendReportHandler{store: store, now: now},
		Study:           StudyHandler{store: store},
		PatientStudies:  PatientStudiesHandler{store: store},
	}
}

// Receipt is what a command answers once its change is committed. It is
// also the answer saved for an Idempotency-Key, hence the JSON names.
type Receipt struct {
	// ID is the id of the study the command created or changed.
	ID string `json:"id"`
	// EventID is the id of the event the change emitted.
	EventID string `json:"eventId"`
	// Version is the study's version after the change.
	Version int64 `json:"version"`
}

// NewReceipt is the receipt of the change that emitted e.
func NewReceipt(e contracts.Event) Receipt {
	return Receipt{ID: e.AggregateID, EventID: e.ID, Version: e.AggregateVersion}
}

// Actor roles of the imaging service's events.
const (
	RolePhysician    = "physician"
	RoleTechnologist = "technologist"
	RoleRadiologist  = "radiologist"
)

// newEvent builds the event of a change, recorded now. Its correlation id
// and trace parent are filled in from the context by outbox.Append.
func newEvent(p contracts.Payload, occurredAt time.Time, version int64, role, who string, now func() time.Time) (contracts.Event, error) {
	return contracts.NewEvent(p, contracts.Meta{
		OccurredAt: occurredAt, RecordedAt: now(), AggregateVersion: version,
		Actor: contracts.Actor{ID: who, Role: role},
	})
}

// newStudyID generates a readable, time-ordered study id.
func newStudyID() string { return "IS-" + uuid.Must(uuid.NewV7()).String() }
