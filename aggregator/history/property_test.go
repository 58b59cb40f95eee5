package history

import (
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
		reference := foldAndReplay(t, w, emitted)
		checkWorld(t, w, reference)
		want := reference.snapshot(t, true)

		// A slice, not a map: rapid replays draws in a fixed order.
		orders := []struct {
			name  string
			order []int
		}{
			{"record-ordered", withRedeliveries(t, recordOrdered(t, w))},
			{"random", withRedeliveries(t, rapid.Permutation(emitted).Draw(t, "random"))},
		}
		for _, o := range orders {
			if got := foldAndReplay(t, w, o.order).snapshot(t, true); got != want {
				t.Fatalf("%s order %v yields other documents than emission order:\n got %s\nwant %s", o.name, o.order, got, want)
			}
		}
	})
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

// withRedeliveries inserts copies of some deliveries after their first
// delivery, as Kafka redelivers after a crash or a rebalance.
func withRedeliveries(t *rapid.T, order []int) []int {
	order = slices.Clone(order)
	for range rapid.IntRange(0, len(order)/2).Draw(t, "redeliveries") {
		i := rapid.IntRange(0, len(order)-1).Draw(t, "redelivered")
		j := rapid.IntRange(i+1, len(order)).Draw(t, "redeliveredAt")
		order = slices.Insert(order, j, order[i])
	}
	return order
}

// foldAndReplay applies the deliveries in order into a new memStore, each
// received one second after the previous one. At a random point and at the
// end it redelivers everything applied so far, later still, and checks that
// nothing changed, IngestedAt included. Every first-pass Apply is checked not
// to modify its input (replays change nothing, as the snapshots show).
func foldAndReplay(t *rapid.T, w world, order []int) *memStore {
	m := newMemStore()
	clock := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	receive := func(i int, checkInput bool) {
		d := w.deliveries[i]
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
	replay := func(applied []int) {
		want := m.snapshot(t, false)
		for _, i := range rapid.Permutation(applied).Draw(t, "replay") {
			receive(i, false)
		}
		if got := m.snapshot(t, false); got != want {
			t.Fatalf("redelivering %v changed the documents:\n got %s\nwant %s", applied, got, want)
		}
	}
	cut := rapid.IntRange(0, len(order)).Draw(t, "replayAfter")
	for _, i := range order[:cut] {
		receive(i, true)
	}
	replay(order[:cut])
	for _, i := range order[cut:] {
		receive(i, true)
	}
	replay(order)
	return m
}
