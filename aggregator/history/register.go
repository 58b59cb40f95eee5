package history

import (
	"cmp"
	"slices"
	"strings"
)

// merge folds v into the last-version-wins register r and returns the new
// register; r and its Superseded list are not modified.
//
// A higher version becomes Current and the old Current is superseded; a
// lower one is kept in Superseded at its place. Two different events with the
// same version are resolved by keeping the smaller event id, so the result
// does not depend on arrival order; an event already held changes nothing.
func merge[T any](r Record[T], v Version[T]) Record[T] {
	switch cur := r.Current.Provenance.RecordVersion; {
	case v.Provenance.RecordVersion > cur:
		r.Superseded = supersede(r.Superseded, r.Current)
		r.Current = v
	case v.Provenance.RecordVersion == cur:
		if wins(v, r.Current) {
			r.Current = v
		}
	default:
		r.Superseded = supersede(r.Superseded, v)
	}
	return r
}

// wins reports whether v replaces held, a version of the same number: only
// a different event with a smaller id does.
func wins[T any](v, held Version[T]) bool {
	return v.Provenance.EventID < held.Provenance.EventID
}

// supersede inserts v into list, sorted by ascending version without
// duplicates, returning a new slice when anything changes.
func supersede[T any](list []Version[T], v Version[T]) []Version[T] {
	i, found := slices.BinarySearchFunc(list, v.Provenance.RecordVersion, func(x Version[T], n int64) int {
		return cmp.Compare(x.Provenance.RecordVersion, n)
	})
	if found {
		if !wins(v, list[i]) {
			return list
		}
		out := slices.Clone(list)
		out[i] = v
		return out
	}
	out := make([]Version[T], 0, len(list)+1)
	out = append(out, list[:i]...)
	out = append(out, v)
	return append(out, list[i:]...)
}

// upsert merges v into the record with the given id of records (sorted by
// id), adding the record when it is new; it returns a new slice.
func upsert[T any](records []Record[T], id string, v Version[T]) []Record[T] {
	i, found := slices.BinarySearchFunc(records, id, func(r Record[T], id string) int {
		return strings.Compare(r.ID, id)
	})
	out := make([]Record[T], 0, len(records)+1)
	if found {
		out = append(out, records...)
		out[i] = merge(records[i], v)
		return out
	}
	out = append(out, records[:i]...)
	out = append(out, Record[T]{ID: id, Current: v})
	return append(out, records[i:]...)
}
