package pipeline_test

import (
	"context"
	"errors"
	"maps"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

func TestAResultBeforeItsEncounterIsVisibleAtOnceAndHealsWhenTheEncounterArrives(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	r.start()
	ev := visitEvents(t, "P-1", "E-1")
	r.publish(ev[3:]...) // lab order, result, correction
	eventually(t, "the lab order under an unknown encounter", func() bool {
		e, ok := r.encounter("E-1")
		return ok && len(e.LabOrders) == 1 && e.LabOrders[0].Current.Provenance.RecordVersion == 3
	})
	e, _ := r.encounter("E-1")
	if e.Status != history.StatusUnknown || !reflect.DeepEqual(e.Missing, []string{history.MissingEncounter, history.MissingTriage}) {
		t.Fatalf("partial encounter: status %s missing %v", e.Status, e.Missing)
	}
	r.publish(ev[:3]...) // opening, triage, prescription
	eventually(t, "the encounter to heal", func() bool {
		e, _ := r.encounter("E-1")
		return e.Status == history.StatusOpen && len(e.Missing) == 0 && len(e.Prescriptions) == 1
	})
	if got := r.auditCount("P-1"); got != len(ev) {
		t.Errorf("audit trail has %d entries, want %d", got, len(ev))
	}
}

// Duplicates change nothing at all: not the documents, not the billable
// items or the audit trail, not even the freshness times and offsets. The
// events are published again (as a relay does after a crash: same ids, new
// offsets), alone, so that the batches holding them are duplicate-only.
func TestADuplicateDeliveryChangesNothing(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	r.start()
	ev := visitEvents(t, "P-2", "E-2")
	r.publish(ev...)
	eventually(t, "every event applied", func() bool { return r.auditCount("P-2") == len(ev) })
	r.settled()
	before := r.snapshot("P-2")
	r.publish(ev...)
	r.settled()
	assertSame(t, "publishing every event again", before, r.snapshot("P-2"))
}

// Every kind of poison, including an event that puts a known encounter
// under another patient, goes to the dead-letter topic as it was (body and
// every header) plus its reason, kind and original topic, partition and
// offset, and the valid events around it are applied.
func TestPoisonGoesToTheDeadLetterTopicWithItsReasonAndThePipelineGoesOn(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	r.start()
	good := visitEvents(t, "P-3", "E-3")
	valid, err := contracts.Encode(good[0])
	if err != nil {
		t.Fatal(err)
	}
	with := func(k, v string) map[string]string {
		h := map[string]string{}
		for kk, vv := range valid.Headers {
			h[kk] = vv
		}
		if v == "" {
			delete(h, k)
		} else {
			h[k] = v
		}
		return h
	}
	triage := r.topicOf[contracts.TopicTriage]
	poison := []struct {
		headers map[string]string
		body    []byte
		kind    string
	}{
		{valid.Headers, []byte(`{not json`), contracts.KindMalformed},
		{with(contracts.HeaderType, "org.prontuario.triage.EncounterTeleported.v1"), valid.Body, contracts.KindUnknownType},
		{with(contracts.HeaderType, "org.prontuario.triage.EncounterOpened.v7"), valid.Body, contracts.KindUnknownVersion},
		{valid.Headers, []byte(`{"patientId":"P-3","encounterId":"E-3"}`), contracts.KindSchemaViolation},
		{with(contracts.HeaderSubject, ""), valid.Body, contracts.KindMissingPatientID},
	}
	for _, p := range poison {
		r.publishRaw(triage, p.headers, p.body)
	}
	r.publish(good...)
	eventually(t, "the valid events around the poison applied", func() bool { return r.auditCount("P-3") == len(good) })
	// Encounter E-3 is now P-3's: another patient's event about it is poison.
	stolen := visitEvents(t, "P-9", "E-3")[0]
	r.publish(stolen)
	wantKinds := map[string]int{history.KindEncounterConflict: 1}
	for _, p := range poison {
		wantKinds[p.kind]++
	}

	originals := consumeByPosition(t, r, triage, len(poison)+2+1) // the poison, two triage events, the stolen one
	got := consumeDeadLetters(t, r, len(poison)+1)
	kinds := map[string]int{}
	for _, m := range got {
		kinds[m.Metadata.Get(contracts.HeaderDLQErrorKind)]++
		if m.Metadata.Get(contracts.HeaderDLQReason) == "" || m.Metadata.Get(contracts.HeaderDLQTopic) != triage {
			t.Errorf("dead letter lacks its reason or original topic: %v", m.Metadata)
			continue
		}
		pos := m.Metadata.Get(contracts.HeaderDLQPartition) + "/" + m.Metadata.Get(contracts.HeaderDLQOffset)
		orig, ok := originals[pos]
		if !ok {
			t.Errorf("dead letter names partition/offset %s, where the topic holds no message", pos)
			continue
		}
		if string(m.Payload) != string(orig.Payload) {
			t.Errorf("dead letter of %s has body %q, want the original %q", pos, m.Payload, orig.Payload)
		}
		for k, v := range orig.Metadata {
			if got := m.Metadata.Get(k); got != v {
				t.Errorf("dead letter of %s has header %s = %q, want the original %q", pos, k, got, v)
			}
		}
	}
	if !maps.Equal(kinds, wantKinds) {
		t.Errorf("dead letters by kind %v, want %v", kinds, wantKinds)
	}
	if e, _ := r.encounter("E-3"); e.PatientID != "P-3" {
		t.Errorf("encounter E-3 belongs to %s after the conflicting event, want P-3", e.PatientID)
	}
	fresh, err := r.store.Freshness(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var dead int64
	for _, f := range fresh {
		dead += f.DeadLettered
	}
	if dead != int64(len(poison)+1) {
		t.Errorf("store counts %d dead letters, want %d", dead, len(poison)+1)
	}
}

func TestAStoppedAggregatorResumesWithoutLossOrDoubleApply(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	stop := r.start()
	ev := visitEvents(t, "P-4", "E-4")
	r.publish(ev[:3]...)
	eventually(t, "the first half applied", func() bool { return r.auditCount("P-4") == 3 })
	stop()
	r.publish(ev[3:]...)
	r.start()
	eventually(t, "the second half applied after the restart", func() bool { return r.auditCount("P-4") == len(ev) })
	e, _ := r.encounter("E-4")
	if len(e.LabOrders) != 1 || len(e.LabOrders[0].Superseded) != 2 {
		t.Fatalf("lab order versions after restart: %+v", e.LabOrders)
	}
}

// failingStore fails its first commits, as a store that is briefly down does.
type failingStore struct {
	pipeline.Store
	failuresLeft atomic.Int32
}

var errStoreDown = errors.New("store is down")

func (f *failingStore) Commit(ctx context.Context, b store.Batch) error {
	if f.failuresLeft.Add(-1) >= 0 {
		return errStoreDown
	}
	return f.Store.Commit(ctx, b)
}

func TestAStoreErrorIsRetriedNeverDeadLettered(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	fs := &failingStore{Store: r.store}
	fs.failuresLeft.Store(3)
	r.startWith(fs)
	ev := visitEvents(t, "P-5", "E-5")
	r.publish(ev...)
	eventually(t, "every event applied once the store is back", func() bool { return r.auditCount("P-5") == len(ev) })
	if fs.failuresLeft.Load() >= 0 {
		t.Fatalf("the store never failed: the test proves nothing")
	}
	fresh, err := r.store.Freshness(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fresh {
		if f.DeadLettered != 0 {
			t.Errorf("%s: %d messages dead-lettered because of a store error", f.Source, f.DeadLettered)
		}
	}
}
