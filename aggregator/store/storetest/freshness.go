package storetest

import (
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

func freshnessTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"freshness_merges_to_the_maximum_and_never_goes_back", testFreshnessMerge[S]},
		{"freshness_counts_applied_and_dead_lettered_events_per_source", testFreshnessCounts[S]},
	}
}

func testFreshnessMerge[S Store[S]](t *testing.T, s S) {
	lab := contracts.SourceLab
	mustCommit(t, s, store.Batch{Freshness: []history.SourceFreshness{
		{Source: lab, NewestEventTime: at(10), NewestAppliedAt: at(20), Offsets: map[string]int64{"0": 5, "1": 7}},
		// Two records of one source in one batch are merged too.
		{Source: lab, NewestEventTime: at(9), NewestAppliedAt: at(21), Offsets: map[string]int64{"1": 6, "3": 2}},
	}})
	// An older, lower batch (a redelivery after a rebalance) changes nothing
	// but what it adds: partition 2.
	mustCommit(t, s, store.Batch{Freshness: []history.SourceFreshness{
		{Source: lab, NewestEventTime: at(3), NewestAppliedAt: at(4), Offsets: map[string]int64{"0": 1, "2": 9}},
		{Source: contracts.SourceTriage, NewestEventTime: at(1), NewestAppliedAt: at(2), Offsets: map[string]int64{"0": 0}},
	}})

	got := result(s.Freshness(ctx(t))).must(t)
	want := []history.SourceFreshness{
		{Source: lab, NewestEventTime: at(10), NewestAppliedAt: at(21), Offsets: map[string]int64{"0": 5, "1": 7, "2": 9, "3": 2}},
		{Source: contracts.SourceTriage, NewestEventTime: at(1), NewestAppliedAt: at(2), Offsets: map[string]int64{"0": 0}},
	}
	assertEqual(t, "freshness", got, want)
}

func testFreshnessCounts[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{
		Audit: []history.AuditEntry{
			audit("P-1", contracts.SourceLab, 1, at(1)), audit("P-1", contracts.SourceLab, 2, at(2)),
			audit("P-2", contracts.SourceLab, 3, at(3)), audit("P-1", contracts.SourceImaging, 4, at(4)),
		},
		DeadLetters: []history.DeadLetter{deadLetter(contracts.SourceImaging, 0, 1)},
		Freshness: []history.SourceFreshness{
			{Source: contracts.SourceLab, NewestEventTime: at(3), NewestAppliedAt: at(5), Offsets: map[string]int64{"0": 3}},
			{Source: contracts.SourceImaging, NewestEventTime: at(4), NewestAppliedAt: at(5), Offsets: map[string]int64{"0": 1}},
		},
		// A record's own counters are ignored: they are counted at read time.
	})
	mustCommit(t, s, store.Batch{Freshness: []history.SourceFreshness{
		{Source: contracts.SourceLab, NewestEventTime: at(3), AppliedCount: 1000, DeadLettered: 1000},
	}})

	counts := map[contracts.Source][2]int64{}
	for _, f := range result(s.Freshness(ctx(t))).must(t) {
		counts[f.Source] = [2]int64{f.AppliedCount, f.DeadLettered}
	}
	want := map[contracts.Source][2]int64{contracts.SourceLab: {3, 0}, contracts.SourceImaging: {1, 1}}
	assertEqual(t, "applied and dead-lettered counts", counts, want)
}
