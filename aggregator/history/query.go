package history

import (
	"errors"
	"time"
)

// ErrNotFound is returned by readers when a patient or encounter is unknown.
var ErrNotFound = errors.New("not found")

// MaxPageSize caps every page a reader returns.
const MaxPageSize = 100

// EncounterKey is the keyset position of an encounter in a patient's
// history, which is ordered newest first: by SortTime descending, then ID
// descending.
type EncounterKey struct {
	SortTime time.Time
	ID       string
}

// EncounterQuery selects a page of one patient's encounters, newest first.
type EncounterQuery struct {
	PatientID string
	// From and To bound SortTime (inclusive, exclusive); zero means unbounded.
	From, To time.Time
	// After, when set, starts the page after that encounter.
	After *EncounterKey
	// Limit is the page size, 1..MaxPageSize.
	Limit int
}

// PatientQuery selects a page of patients, ordered by ID.
type PatientQuery struct {
	// Name, when set, matches case-insensitively when every word of it is a
	// prefix of some word of the patient's name ("oliv mar" finds "Maria Oliveira").
	Name string
	// BirthDate, when set (YYYY-MM-DD), must equal the patient's.
	BirthDate string
	// AfterID, when set, starts the page after that patient id.
	AfterID string
	Limit   int
}

// BillableKey is the keyset position of a billable item: by ServiceDate, then ID.
type BillableKey struct {
	ServiceDate time.Time
	ID          string
}

// BillableQuery selects billable items with From <= ServiceDate < To.
type BillableQuery struct {
	From, To time.Time
	After    *BillableKey
	Limit    int
}

// AuditKey is the keyset position of an audit entry: by OccurredAt, then EventID.
type AuditKey struct {
	OccurredAt time.Time
	EventID    string
}

// AuditQuery selects a page of one patient's applied events in order.
type AuditQuery struct {
	PatientID string
	After     *AuditKey
	Limit     int
}

// AccessEntry is one read of patient data through the API, for the access log.
type AccessEntry struct {
	ID          string    `json:"id" bson:"_id"` // UUIDv7, time-ordered
	At          time.Time `json:"at" bson:"at"`
	Subject     string    `json:"subject" bson:"subject"` // who: the token's name
	Role        string    `json:"role" bson:"role"`
	RootField   string    `json:"rootField" bson:"rootField"`
	PatientID   string    `json:"patientId,omitempty" bson:"patientId,omitempty"`
	EncounterID string    `json:"encounterId,omitempty" bson:"encounterId,omitempty"`
}

// AccessQuery selects a page of the access log, oldest first.
type AccessQuery struct {
	PatientID string // optional filter
	AfterID   string
	Limit     int
}

// Page is one page of results with the total number matching the query.
type Page[T any] struct {
	Items []T
	Total int
	// HasNext reports whether items follow the last one returned.
	HasNext bool
}
