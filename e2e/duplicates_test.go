package e2e

import (
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/e2e/harness"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// fullEncounterQuery reads everything a duplicate could disturb, ingestion
// times included.
const fullEncounterQuery = `query($id: ID!) { encounter(id: $id) {
  id status updatedAt version completeness { missing }
  provenance { eventId offset ingestedAt }
  triage { acuity assessedAt }
  prescriptions { id version status provenance { eventId offset ingestedAt } supersededVersions { version } }
  labOrders { id version provenance { eventId offset ingestedAt } results { code value status } supersededVersions { version } }
  imagingStudies { id version status provenance { eventId offset ingestedAt } }
} }`

// duplicates replays the visits' records into their topics with a raw Kafka
// client; no document may change, not even an ingestion time.
func duplicates(t *testing.T, h *harness.Hospital) {
	registerFormulary(t, h)
	var visits []*visit
	accepted := map[string][]string{}
	for range 2 {
		v := newVisit(h)
		v.full(t)
		visits = append(visits, v)
		accepted[v.PatientID] = v.Events
	}
	assertExactlyOnce(t, h, accepted, 20*time.Second)
	before := map[string]string{}
	for _, v := range visits {
		before[v.EncounterID] = string(h.Query(t, "auditor", fullEncounterQuery, map[string]any{"id": v.EncounterID}).Data)
	}
	k := newRawKafka(t, h.BrokerAddr)
	replayed := 0
	for _, topic := range contracts.SourceTopics() {
		for _, m := range k.readAll(t, topic) {
			if _, ours := accepted[string(m.Key)]; ours {
				k.produce(t, topic, m.Key, headerMap(m), m.Value)
				replayed++
			}
		}
	}
	if replayed < len(accepted)*10 {
		t.Fatalf("replayed only %d records", replayed)
	}
	waitConsumed(t, h)
	for _, v := range visits {
		after := string(h.Query(t, "auditor", fullEncounterQuery, map[string]any{"id": v.EncounterID}).Data)
		if after != before[v.EncounterID] {
			t.Errorf("duplicates changed encounter %s:\nbefore %s\nafter  %s", v.EncounterID, before[v.EncounterID], after)
		}
	}
	assertExactlyOnce(t, h, accepted, 10*time.Second)
}

// waitConsumed waits until the aggregator's consumer group has committed
// everything now in the domain topics.
func waitConsumed(t *testing.T, h *harness.Hospital) {
	t.Helper()
	admin, err := kafkax.NewAdmin(kafkax.Config{Brokers: []string{h.BrokerAddr}})
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	ends, err := admin.EndOffsets(contracts.SourceTopics())
	if err != nil {
		t.Fatal(err)
	}
	harness.Eventually(t, 30*time.Second, "the aggregator to consume the replayed records", func() bool {
		done, err := admin.CommittedOffsets("prontuario-aggregator", contracts.SourceTopics())
		return err == nil && done.Reached(ends)
	})
}
