package pipeline_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// snapshot renders, as JSON, everything the read store holds about the
// patients: their documents, all their encounters, every billable item,
// their audit trails, and the freshness of every source (dead-letter and
// applied counts included).
func (r *rig) snapshot(patientIDs ...string) string {
	r.t.Helper()
	ctx := context.Background()
	must := func(err error) {
		r.t.Helper()
		if err != nil {
			r.t.Fatal(err)
		}
	}
	out := map[string]any{}
	for _, id := range patientIDs {
		p, err := r.store.Patient(ctx, id)
		must(err)
		encounters, err := r.store.Encounters(ctx, history.EncounterQuery{PatientID: id, Limit: history.MaxPageSize})
		must(err)
		audit, err := r.store.AuditTrail(ctx, history.AuditQuery{PatientID: id, Limit: history.MaxPageSize})
		must(err)
		if encounters.HasNext || audit.HasNext {
			r.t.Fatalf("patient %s has more than a page of encounters or audit entries: the snapshot would be partial", id)
		}
		out[id] = map[string]any{"patient": p, "encounters": encounters, "audit": audit}
	}
	billable, err := r.store.BillableItems(ctx, history.BillableQuery{Limit: history.MaxPageSize})
	must(err)
	fresh, err := r.store.Freshness(ctx)
	must(err)
	out["billable"], out["freshness"] = billable, fresh
	b, err := json.Marshal(out)
	must(err)
	return string(b)
}

// settled waits until the rig's consumer group has committed every message
// of its topics: each was applied or dead-lettered (the handler acknowledges
// only then).
func (r *rig) settled() {
	r.t.Helper()
	admin, err := kafkax.NewAdmin(r.kcfg)
	if err != nil {
		r.t.Fatal(err)
	}
	defer admin.Close()
	eventually(r.t, "every message consumed and committed", func() bool {
		end, err := admin.EndOffsets(r.cfg.Topics)
		if err != nil {
			r.t.Fatal(err)
		}
		done, err := admin.CommittedOffsets(r.cfg.ConsumerGroup, r.cfg.Topics)
		if err != nil {
			r.t.Fatal(err)
		}
		return done.Reached(end)
	})
}

// assertSame fails with both renderings when two snapshots differ.
func assertSame(t *testing.T, what, before, after string) {
	t.Helper()
	if before != after {
		t.Fatalf("%s changed the read model:\nbefore %s\nafter  %s", what, before, after)
	}
}
