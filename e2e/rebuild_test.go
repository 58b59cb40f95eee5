package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/harness"
)

// stableEncounterQuery reads an encounter without what legitimately differs
// between two builds of the read model (ingestion times).
const stableEncounterQuery = `query($id: ID!) { encounter(id: $id) {
  id patientId status updatedAt version completeness { complete missing }
  provenance { eventId offset partition recordVersion occurredAt }
  triage { acuity assessedAt nurse }
  prescriptions { id version status items { medicationCode } provenance { eventId offset } supersededVersions { version } }
  labOrders { id version results { code value status corrections { previousValue value } } provenance { eventId offset } supersededVersions { version } }
  imagingStudies { id version status report { findings impression } provenance { eventId offset } }
} }`

// rebuildWhileServing runs `aggregator rebuild` as an operator would while
// queries keep being answered; the rebuilt model equals the live one.
func rebuildWhileServing(t *testing.T, h *harness.Hospital) {
	registerFormulary(t, h)
	var visits []*visit
	accepted := map[string][]string{}
	for range 3 {
		v := newVisit(h)
		v.full(t)
		visits = append(visits, v)
		accepted[v.PatientID] = v.Events
	}
	assertExactlyOnce(t, h, accepted, 20*time.Second)
	snapshot := func() string {
		var b strings.Builder
		for _, v := range visits {
			a := h.Query(t, "auditor", stableEncounterQuery, map[string]any{"id": v.EncounterID})
			if len(a.Errors) > 0 {
				t.Fatalf("query during rebuild: %+v", a.Errors)
			}
			b.Write(a.Data)
			b.WriteByte('\n')
		}
		return b.String()
	}
	live := snapshot()

	// Readers keep querying during the rebuild; every answer must be whole.
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var answered atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ctx.Err() == nil {
			a := h.Query(t, "clinician", `query($id: ID!) { encounter(id: $id) { id status } }`, map[string]any{"id": visits[0].EncounterID})
			var d struct{ Encounter *struct{ Status string } }
			if json.Unmarshal(a.Data, &d) != nil || d.Encounter == nil || d.Encounter.Status != "OPEN" || len(a.Errors) > 0 {
				t.Errorf("a query during the rebuild got %s %+v", a.Data, a.Errors)
				return
			}
			answered.Add(1)
		}
	}()
	rebuild := harness.NewProc("aggregator-rebuild", shared.bins.Path("aggregator"), h.Env, "", "rebuild")
	out, err := rebuild.Run(t)
	stop()
	wg.Wait()
	if err != nil {
		t.Fatalf("aggregator rebuild: %v\n%s", err, out)
	}
	if !strings.Contains(out, "rebuilt generation") {
		t.Errorf("rebuild output: %s", out)
	}
	if answered.Load() == 0 {
		t.Error("no query was answered during the rebuild")
	}
	if rebuilt := snapshot(); rebuilt != live {
		t.Fatalf("rebuilt read model differs from the live one:\nlive    %s\nrebuilt %s", live, rebuilt)
	}
	// The live aggregator goes on applying into the new generation.
	v := newVisit(h)
	v.open(t)
	assertExactlyOnce(t, h, map[string][]string{v.PatientID: v.Events}, 20*time.Second)
}
