package history

import (
	"cmp"
	"slices"
	"strings"

	"github.com/prontuario/prontuario/contracts"
)

// Holds reports whether s already holds d's event: the register of its
// record has the event's version from that very event. Such a delivery is a
// duplicate (a redelivery, or the same event published twice): applying it
// changes nothing but, at most, the delivery coordinates it keeps (see
// Provenance). The shell uses Holds to count duplicates and to keep them
// from moving freshness. It is pure and safe to call concurrently.
func Holds(s Slice, d Delivery) bool {
	e := d.Event
	enc := s.Encounter
	if enc.ID != e.EncounterID || enc.PatientID != e.PatientID {
		return false
	}
	switch e.Source {
	case contracts.SourceTriage:
		return enc.Visit != nil && enc.Visit.ID == e.AggregateID && registerHolds(*enc.Visit, e)
	case contracts.SourcePrescription:
		return recordsHold(enc.Prescriptions, e)
	case contracts.SourceLab:
		return recordsHold(enc.LabOrders, e)
	case contracts.SourceImaging:
		return recordsHold(enc.ImagingStudies, e)
	}
	return false
}

// recordsHold reports whether the record of e among records (sorted by id)
// holds e.
func recordsHold[T any](records []Record[T], e contracts.Event) bool {
	i, found := slices.BinarySearchFunc(records, e.AggregateID, func(r Record[T], id string) int {
		return strings.Compare(r.ID, id)
	})
	return found && registerHolds(records[i], e)
}

// registerHolds reports whether r holds e's version from e itself.
func registerHolds[T any](r Record[T], e contracts.Event) bool {
	from := func(v Version[T]) bool {
		return v.Provenance.RecordVersion == e.AggregateVersion && v.Provenance.EventID == e.ID
	}
	if from(r.Current) {
		return true
	}
	i, found := slices.BinarySearchFunc(r.Superseded, e.AggregateVersion, func(v Version[T], n int64) int {
		return cmp.Compare(v.Provenance.RecordVersion, n)
	})
	return found && from(r.Superseded[i])
}
