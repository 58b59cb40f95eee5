package server_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

// pipelineStatus through the API over the real SQLite store, with dead
// letters seeded and the fixed clock of the tests (now).
func TestPipelineStatusReportsLagAndDeadLettersPerSource(t *testing.T) {
	t.Parallel()
	h, st, _ := sqliteHarness(t, server.Config{})
	dead := func(src contracts.Source, topic string, offset int64) history.DeadLetter {
		return history.DeadLetter{ID: fmt.Sprintf("%s/0/%d", topic, offset), Source: src, Topic: topic, Offset: offset,
			Kind: "schema", Reason: "missing field patientId", At: now}
	}
	err := st.Commit(context.Background(), store.Batch{DeadLetters: []history.DeadLetter{
		dead(contracts.SourceLab, contracts.TopicLab, 1),
		dead(contracts.SourceLab, contracts.TopicLab, 2),
		dead(contracts.SourceImaging, contracts.TopicImaging, 1),
		dead("", "hospital.unknown.v1", 1), // not a domain topic: no source's
	}})
	if err != nil {
		t.Fatal(err)
	}
	d := h.query(auth.Clinician, `{ pipelineStatus { checkedAt sources { source newestEventTime lagSeconds deadLettered } } }`, nil).ok(t).Data
	if got := at(d, "pipelineStatus", "checkedAt"); got != "2026-03-06T12:00:00Z" {
		t.Errorf("checkedAt %v, want the fixed clock", got)
	}
	type status struct {
		newest string
		lag    float64
		dead   float64
	}
	want := map[string]status{
		// The newest triage event is E-2003's re-triage, 26h20m before now.
		"TRIAGE":       {"2026-03-05T09:40:00Z", 26*3600 + 20*60, 0},
		"PRESCRIPTION": {"2026-03-05T09:50:00Z", 26*3600 + 10*60, 0},
		"LAB":          {"2026-03-03T08:40:00Z", 3*86400 + 3*3600 + 20*60, 2},
		"IMAGING":      {"2026-03-02T13:00:00Z", 3*86400 + 23*3600, 1},
	}
	sources := list(t, d, "pipelineStatus", "sources")
	if len(sources) != len(want) {
		t.Fatalf("%d sources, want %d", len(sources), len(want))
	}
	for _, s := range sources {
		src, _ := at(s, "source").(string)
		w := want[src]
		newest, _ := time.Parse(time.RFC3339, w.newest)
		if got := at(s, "newestEventTime"); got != w.newest {
			t.Errorf("%s newestEventTime %v, want %s", src, got, w.newest)
		}
		if got := at(s, "lagSeconds"); got != w.lag || w.lag != now.Sub(newest).Seconds() {
			t.Errorf("%s lagSeconds %v, want %v", src, got, w.lag)
		}
		if got := at(s, "deadLettered"); got != w.dead {
			t.Errorf("%s deadLettered %v, want %v", src, got, w.dead)
		}
	}
}
