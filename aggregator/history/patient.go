package history

import (
	"slices"

	"github.com/prontuario/prontuario/contracts"
)

// insertSorted adds id to the sorted set ids, returning a new slice when it
// is not there yet (and a non-nil one in any case).
func insertSorted(ids []string, id string) []string {
	i, found := slices.BinarySearch(ids, id)
	if found {
		return ids
	}
	out := make([]string, 0, len(ids)+1)
	out = append(out, ids[:i]...)
	out = append(out, id)
	return append(out, ids[i:]...)
}

// newestDemographics returns the demographics from the snapshot a triage
// event carries when that event is newer, by (occurredAt, event id), than the
// one the current demographics came from; otherwise it returns current.
// Choosing the maximum makes the newest snapshot win whatever the order.
//
// The same event delivered again changes nothing, unless it was read from an
// earlier (topic, partition, offset): then only those coordinates change, as
// in the records' registers (resolve).
func newestDemographics(current *Demographics, snapshot contracts.Patient, from Provenance) *Demographics {
	if current != nil && current.From.EventID == from.EventID {
		if !deliveredBefore(from, current.From) {
			return current
		}
		d := *current
		d.From = withDeliveryOf(current.From, from)
		return &d
	}
	if current != nil && !newer(from, current.From) {
		return current
	}
	return &Demographics{Name: snapshot.Name, BirthDate: snapshot.BirthDate, Sex: snapshot.Sex, From: from}
}

// newer reports whether a is after b by (occurredAt, event id).
func newer(a, b Provenance) bool {
	if !a.OccurredAt.Equal(b.OccurredAt) {
		return a.OccurredAt.After(b.OccurredAt)
	}
	return a.EventID > b.EventID
}
