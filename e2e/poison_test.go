package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/e2e/harness"
)

// golden is a valid message of a topic, from the contracts' examples.
type golden struct {
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
}

func goldenOf(t *testing.T, name string) golden {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "contracts", "testdata", "golden", name+".v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

func with(h map[string]string, k, v string) map[string]string {
	out := map[string]string{}
	for kk, vv := range h {
		out[kk] = vv
	}
	if v == "" {
		delete(out, k)
	} else {
		out[k] = v
	}
	return out
}

// poison writes malformed messages straight to each topic; all land in the
// dead-letter topic with a reason, and valid traffic around them is applied.
func poison(t *testing.T, h *harness.Hospital) {
	k := newRawKafka(t, h.BrokerAddr)
	examples := map[string]string{
		contracts.TopicTriage: "EncounterOpened", contracts.TopicPrescription: "PrescriptionIssued",
		contracts.TopicLab: "LabOrderPlaced", contracts.TopicImaging: "ImagingStudyOrdered",
	}
	kinds := map[string]string{
		"bad_json": contracts.KindMalformed, "unknown_type": contracts.KindUnknownType, "unknown_version": contracts.KindUnknownVersion,
		"schema_violation": contracts.KindSchemaViolation, "missing_patient_id": contracts.KindMissingPatientID, "oversized": contracts.KindMalformed,
	}
	before := deadLettered(t, h)
	for topic, name := range examples {
		g := goldenOf(t, name)
		ceType := g.Headers[contracts.HeaderType]
		key := []byte(g.Headers[contracts.HeaderSubject])
		k.produce(t, topic, key, g.Headers, []byte(`{"patientId": "P-1001", `))
		k.produce(t, topic, key, with(g.Headers, contracts.HeaderType, strings.Replace(ceType, name, name+"Teleported", 1)), g.Body)
		k.produce(t, topic, key, with(g.Headers, contracts.HeaderType, strings.Replace(ceType, ".v1", ".v9", 1)), g.Body)
		k.produce(t, topic, key, g.Headers, []byte(`{"patientId":"P-1001","encounterId":"E-2001"}`))
		k.produce(t, topic, nil, with(g.Headers, contracts.HeaderSubject, ""), g.Body)
		k.produce(t, topic, key, g.Headers, []byte(`{"patientId":"P-1001","pad":"`+strings.Repeat("x", 700<<10)+`"}`))
	}
	// Valid traffic after the poison, on every topic.
	registerFormulary(t, h)
	v := newVisit(h)
	v.open(t)
	v.prescribe(t, "E2E-ASA100")
	v.lab(t)
	v.imaging(t)
	assertExactlyOnce(t, h, map[string][]string{v.PatientID: v.Events}, 30*time.Second)
	harness.Eventually(t, 30*time.Second, "every poison message dead-lettered", func() bool {
		return deadLettered(t, h)-before >= int64(len(examples)*len(kinds))
	})

	perTopic := map[string]map[string]int{}
	for _, m := range k.readAll(t, contracts.TopicDeadLetter) {
		hd := headerMap(m)
		if hd[contracts.HeaderDLQReason] == "" || hd[contracts.HeaderDLQOffset] == "" || hd[contracts.HeaderDLQPartition] == "" {
			t.Errorf("dead letter without its reason or coordinates: %v", hd)
		}
		topic := hd[contracts.HeaderDLQTopic]
		if perTopic[topic] == nil {
			perTopic[topic] = map[string]int{}
		}
		perTopic[topic][hd[contracts.HeaderDLQErrorKind]]++
	}
	for topic := range examples {
		want := map[string]int{}
		for _, kind := range kinds {
			want[kind]++
		}
		for kind, n := range want {
			if perTopic[topic][kind] < n {
				t.Errorf("%s: %d dead letters of kind %s, want %d (all: %v)", topic, perTopic[topic][kind], kind, n, perTopic[topic])
			}
		}
	}
}

// deadLettered sums pipelineStatus's dead-lettered counts.
func deadLettered(t *testing.T, h *harness.Hospital) int64 {
	t.Helper()
	a := h.Query(t, "auditor", `{ pipelineStatus { sources { source deadLettered } } }`, nil)
	var d struct {
		PipelineStatus struct {
			Sources []struct{ DeadLettered int64 }
		}
	}
	a.Decode(t, &d)
	var n int64
	for _, s := range d.PipelineStatus.Sources {
		n += s.DeadLettered
	}
	return n
}
