package history

import (
	"errors"
	"fmt"
)

// InvalidDeliveryError is returned by Apply when a delivery can never be
// applied: its event has no payload or id, its payload is of a type the
// projection does not know, or the payload contradicts the envelope. It is
// poison: retrying cannot help, so the shell dead-letters the message.
type InvalidDeliveryError struct {
	EventID string
	// Reason says what is wrong, in English.
	Reason string
}

func (e *InvalidDeliveryError) Error() string {
	return fmt.Sprintf("invalid delivery of event %q: %s", e.EventID, e.Reason)
}

// ConflictError is returned by Apply when the event's encounter is already
// recorded for another patient: the sources disagree about whose encounter it
// is. It is poison: the shell dead-letters the message, and the documents
// stay as they were.
type ConflictError struct {
	EventID     string
	EncounterID string
	// DocumentPatientID owns the encounter document; EventPatientID is the
	// patient the event claims.
	DocumentPatientID string
	EventPatientID    string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("event %s puts encounter %s under patient %s, but it belongs to patient %s",
		e.EventID, e.EncounterID, e.EventPatientID, e.DocumentPatientID)
}

// MismatchError is returned by Apply when it is given the slice of another
// patient or encounter than the event's. It is a bug of the caller, which
// must load the slice by the event's ids, not a fault of the event: it is not
// poison, and applying the event to the right slice succeeds.
type MismatchError struct {
	EventID                          string
	EventPatientID, EventEncounterID string
	SlicePatientID, SliceEncounterID string
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("event %s of patient %q encounter %q applied to the slice of patient %q encounter %q",
		e.EventID, e.EventPatientID, e.EventEncounterID, e.SlicePatientID, e.SliceEncounterID)
}

// Error kinds of poison deliveries, as the shell writes them in the
// dead-letter header dlq_error_kind.
const (
	KindInvalidDelivery   = "invalid_delivery"
	KindEncounterConflict = "encounter_conflict"
)

// PoisonKind classifies an error returned by Apply: the kind to dead-letter
// the delivery with, or "" when the error is not the delivery's fault (and
// so no reason to dead-letter it).
func PoisonKind(err error) string {
	var (
		invalid  *InvalidDeliveryError
		conflict *ConflictError
	)
	switch {
	case errors.As(err, &invalid):
		return KindInvalidDelivery
	case errors.As(err, &conflict):
		return KindEncounterConflict
	}
	return ""
}
