package history

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// TestApplyIsOrderIndependentAndIdempotent folds a generated history in
// emission order, in random orders that keep each record's events in order,
// and in fully random orders, each with random redeliveries, and checks that:
//
//   - every fold yields byte-identical documents and billable items, apart
//     from IngestedAt (which says when the aggregator first saw an event);
//   - re-applying deliveries already applied, midway and at the end, leaves
//     the documents byte-identical including IngestedAt;
//   - Apply never modifies the slice it is given;
//   - the emission-order fold holds what the events say (checkWorld).
func TestApplyIsOrderIndependentAndIdempotent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := genWorld(t)
		emitted := make([]int, len(w.deliveries))
		for i := range emitted {
			emitted[i] = i
		}
		reference := foldAndReplay(t, w.in(emitted))
		checkWorld(t, w, reference)
		want := reference.snapshot(t, true)

		// A slice, not a map: rapid replays draws in a fixed order.
		orders := []struct {
			name  string
			order []Delivery
		}{
			{"record-ordered", withRedeliveries(t, w.in(recordOrdered(t, w)), false)},
			{"random", withRedeliveries(t, w.in(rapid.Permutation(emitted).Draw(t, "random")), true)},
		}
		for _, o := range orders {
			if got := foldAndReplay(t, o.order).snapshot(t, true); got != want {
				t.Fatalf("%s order %v yields other documents than emission order:\n got %s\nwant %s", o.name, coordinates(o.order), got, want)
			}
		}
	})
}

// in returns the world's deliveries in the given order of indexes.
func (w world) in(order []int) []Delivery {
	out := make([]Delivery, len(order))
	for i, j := range order {
		out[i] = w.deliveries[j]
	}
	return out
}

// coordinates names each delivery by event id and offset, for failure messages.
func coordinates(ds []Delivery) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = fmt.Sprintf("%s@%d/%d", d.Event.ID[len(d.Event.ID)-4:], d.Partition, d.Offset)
	}
	return out
}

// recordOrdered draws an interleaving of the records that keeps each
// record's own deliveries in emission order.
func recordOrdered(t *rapid.T, w world) []int {
	queues := make([][]int, len(w.byRecord))
	copy(queues, w.byRecord)
	var order []int
	for len(queues) > 0 {
		q := rapid.IntRange(0, len(queues)-1).Draw(t, "record")
		order = append(order, queues[q][0])
		if queues[q] = queues[q][1:]; len(queues[q]) == 0 {
			queues = slices.Delete(queues, q, q+1)
		}
	}
	return order
}

// withRedeliveries inserts copies of some deliveries, as Kafka redelivers
// after a crash or a rebalance (the same message, same offset) and as a
// relay that crashed between publishing and marking republishes (the same
// event in a later message of its partition). A copy goes after its
// original; with anywhere, a republished copy may also go before it, as
// when the relay's two publishes were read from different partitions.
// Republished copies have higher offsets than any original, so the
// documents must keep the original's coordinates whichever copy came first.
func withRedeliveries(t *rapid.T, order []Delivery, anywhere bool) []Delivery {
	order = slices.Clone(order)
	for n := range rapid.IntRange(0, len(order)/2).Draw(t, "redeliveries") {
		i := rapid.IntRange(0, len(order)-1).Draw(t, "redelivered")
		d := order[i]
		lo := i + 1
		if rapid.Bool().Draw(t, "republished") {
			d.Offset += int64(1000 * (n + 1))
			if anywhere {
				lo = 0
			}
		}
		j := rapid.IntRange(lo, len(order)).Draw(t, "redeliveredAt")
		order = slices.Insert(order, j, d)
	}
	return order
}

// foldAndReplay applies the deliveries in order into a new memStore, each
// received one second after the previous one. At a random point and at the
// end it redelivers everything applied so far, later still, and checks that
// nothing changed, IngestedAt included. Every first-pass Apply is checked not
// to modify its input (replays change nothing, as the snapshots show).
func foldAndReplay(t *rapid.T, order []Delivery) *memStore {
	m := newMemStore()
	clock := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	receive := func(d Delivery, checkInput bool) {
		clock = clock.Add(time.Second)
		d.ReceivedAt = clock
		s := m.slice(d.Event)
		var before string
		if checkInput {
			before = render(t, s, false)
		}
		out, err := Apply(s, d)
		if err != nil {
			t.Fatalf("apply %s: %v", d.Event.ID, err)
		}
		if checkInput && render(t, s, false) != before {
			t.Fatalf("Apply of %s modified its input:\nbefore %s\nafter  %s", d.Event.ID, before, render(t, s, false))
		}
		m.patients[out.Patient.ID], m.encounters[out.Encounter.ID] = out.Patient, out.Encounter
	}
	replay := func(applied []Delivery) {
		want := m.snapshot(t, false)
		for _, d := range rapid.Permutation(applied).Draw(t, "replay") {
			receive(d, false)
		}
		if got := m.snapshot(t, false); got != want {
			t.Fatalf("redelivering %v changed the documents:\n got %s\nwant %s", coordinates(applied), got, want)
		}
	}
	cut := rapid.IntRange(0, len(order)).Draw(t, "replayAfter")
	for _, d := range order[:cut] {
		receive(d, true)
	}
	replay(order[:cut])
	for _, d := range order[cut:] {
		receive(d, true)
	}
	replay(order)
	return m
}
