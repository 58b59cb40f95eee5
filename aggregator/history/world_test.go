package history

import (
	"fmt"
	"sort"
	"time"

	"pgregory.net/rapid"

	"github.com/prontuario/prontuario/contracts"
)

// world is a generated multi-patient history: every delivery the domains
// emitted, in emission order, with each record's deliveries grouped.
type world struct {
	deliveries []Delivery
	// byRecord lists, per record, the indexes of its deliveries in emission order.
	byRecord [][]int
}

// step is one change of a record as its domain would emit it.
type step struct {
	payload contracts.Payload
	actor   contracts.Actor
}

// genWorld draws 1-3 patients with 1-3 encounters each; every encounter has
// (usually) an encounter record from triage and 0-2 prescriptions, lab
// orders and imaging studies, each record with its versions. Now and then a
// version is emitted twice as two different events (twins).
func genWorld(t *rapid.T) world {
	b := newBuilder(t)
	var all []Delivery
	for p := range rapid.IntRange(1, 3).Draw(t, "patients") {
		pid := fmt.Sprintf("P-%d", 1001+p)
		for e := range rapid.IntRange(1, 3).Draw(t, "encounters") {
			eid := fmt.Sprintf("E-%d-%d", 1001+p, e)
			start := at(rapid.IntRange(0, 3*365*24*60).Draw(t, "start"))
			var records [][]step
			if rapid.IntRange(0, 4).Draw(t, "visit") > 0 {
				records = append(records, genVisit(t, pid, eid, start))
			}
			for i := range rapid.IntRange(0, 2).Draw(t, "prescriptions") {
				records = append(records, genPrescription(t, prescription(pid, eid, fmt.Sprintf("RX-%s-%d", eid, i), start)))
			}
			for i := range rapid.IntRange(0, 2).Draw(t, "labOrders") {
				records = append(records, genLabOrder(t, labOrder(pid, eid, fmt.Sprintf("LO-%s-%d", eid, i), start)))
			}
			for i := range rapid.IntRange(0, 2).Draw(t, "imagingStudies") {
				records = append(records, genImaging(t, imagingOrder(pid, eid, fmt.Sprintf("IS-%s-%d", eid, i), start)))
			}
			for _, steps := range records {
				offset := time.Duration(rapid.IntRange(0, 180).Draw(t, "recordStart")) * time.Minute
				all = append(all, emit(t, b, steps, start.Add(offset))...)
			}
		}
	}
	return arrange(all)
}

// emit turns a record's steps into deliveries: version i+1 happens ten
// minutes after version i; a twin of a version happens one minute after it,
// and gets the smaller event id half of the time.
func emit(t *rapid.T, b *builder, steps []step, first time.Time) []Delivery {
	var out []Delivery
	for i, s := range steps {
		when := first.Add(time.Duration(i*10) * time.Minute)
		d := b.deliver(s.payload, int64(i+1), when, s.actor)
		out = append(out, d)
		if rapid.IntRange(0, 9).Draw(t, "twin") == 0 {
			tw := b.deliver(s.payload, int64(i+1), when.Add(time.Minute), contracts.Actor{ID: "SYS-1", Role: "system"})
			if rapid.Bool().Draw(t, "twinHasSmallerID") {
				out[len(out)-1].Event.ID, tw.Event.ID = tw.Event.ID, out[len(out)-1].Event.ID
			}
			out = append(out, tw)
		}
	}
	return out
}

// arrange puts deliveries in emission order (by occurrence; a record's own
// events are already in order and stay so) and numbers them as Kafka would:
// one partition per patient key, offsets counted per topic and partition.
func arrange(all []Delivery) world {
	sort.SliceStable(all, func(i, j int) bool { return all[i].Event.OccurredAt.Before(all[j].Event.OccurredAt) })
	offsets := map[string]int64{}
	recordIndex := map[string]int{}
	var w world
	for i, d := range all {
		d.Partition = int32(d.Event.PatientID[len(d.Event.PatientID)-1]) % 3
		key := fmt.Sprintf("%s/%d", d.Topic, d.Partition)
		d.Offset = offsets[key]
		offsets[key]++
		w.deliveries = append(w.deliveries, d)
		rk := d.Topic + "/" + d.Event.AggregateID
		r, ok := recordIndex[rk]
		if !ok {
			r = len(w.byRecord)
			recordIndex[rk] = r
			w.byRecord = append(w.byRecord, nil)
		}
		w.byRecord[r] = append(w.byRecord[r], i)
	}
	return w
}
