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
// does not depend on arrival order. The same event delivered again changes
// nothing, unless it was read from an earlier (topic, partition, offset):
// then only those coordinates change (see resolve).
func merge[T any](r Record[T], v Version[T]) Record[T] {
	switch cur := r.Current.Provenance.RecordVersion; {
	case v.Provenance.RecordVersion > cur:
		r.Superseded = supersede(r.Superseded, r.Current)
		r.Current = v
	case v.Provenance.RecordVersion == cur:
		r.Current, _ = resolve(r.Current, v)
	default:
		r.Superseded = supersede(r.Superseded, v)
	}
	return r
}

// resolve returns which of held and v, two versions of the same number, the
// register keeps, and whether that differs from held: the one from the
// event with the smaller id; for the same event, held (keeping its
// IngestedAt, when the event was first applied) with the earliest delivery
// coordinates of the two, so that an event published twice yields the same
// document whichever copy arrives first.
func resolve[T any](held, v Version[T]) (Version[T], bool) {
	switch hp, vp := held.Provenance, v.Provenance; {
	case vp.EventID < hp.EventID:
		return v, true
	case vp.EventID == hp.EventID && deliveredBefore(vp, hp):
		held.Provenance = withDeliveryOf(hp, vp)
		return held, true
	}
	return held, false
}

// deliveredBefore reports whether a was read from an earlier message than b,
// by (topic, partition, offset).
func deliveredBefore(a, b Provenance) bool {
	if a.Topic != b.Topic {
		return a.Topic < b.Topic
	}
	if a.Partition != b.Partition {
		return a.Partition < b.Partition
	}
	return a.Offset < b.Offset
}

// withDeliveryOf returns p with the topic, partition and offset of q.
func withDeliveryOf(p, q Provenance) Provenance {
	p.Topic, p.Partition, p.Offset = q.Topic, q.Partition, q.Offset
	return p
}

// supersede inserts v into list, sorted by ascending version without
// duplicates, returning a new slice when anything changes.
func supersede[T any](list []Version[T], v Version[T]) []Version[T] {
	i, found := slices.BinarySearchFunc(list, v.Provenance.RecordVersion, func(x Version[T], n int64) int {
		return cmp.Compare(x.Provenance.RecordVersion, n)
	})
	if found {
		kept, changed := resolve(list[i], v)
		if !changed {
			return list
		}
		out := slices.Clone(list)
		out[i] = kept
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
