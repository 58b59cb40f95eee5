package freshness_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/freshness"
	"github.com/prontuario/prontuario/contracts"
)

var t0 = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

func rec(eventMin, appliedMin int, offsets map[string]int64) history.SourceFreshness {
	return history.SourceFreshness{Source: contracts.SourceLab, NewestEventTime: t0.Add(time.Duration(eventMin) * time.Minute),
		NewestAppliedAt: t0.Add(time.Duration(appliedMin) * time.Minute), Offsets: offsets}
}

func TestMergeKeepsTheMaximumOfEverything(t *testing.T) {
	a := rec(10, 1, map[string]int64{"0": 5, "1": 2})
	b := rec(3, 7, map[string]int64{"0": 4, "2": 9})
	want := rec(10, 7, map[string]int64{"0": 5, "1": 2, "2": 9})
	if got := freshness.Merge(a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("Merge(a, b) = %+v, want %+v", got, want)
	}
	if got := freshness.Merge(b, a); !reflect.DeepEqual(got, want) {
		t.Errorf("Merge(b, a) = %+v, want %+v (commutative)", got, want)
	}
	if got := freshness.Merge(want, a); !reflect.DeepEqual(got, want) {
		t.Errorf("merging an older record changed %+v into %+v", want, got)
	}
	if a.Offsets["0"] != 5 || len(a.Offsets) != 2 {
		t.Errorf("Merge modified its argument: %+v", a.Offsets)
	}
}

func TestBySourceMergesEachSourceAndSorts(t *testing.T) {
	triage := history.SourceFreshness{Source: contracts.SourceTriage, NewestEventTime: t0, Offsets: map[string]int64{"0": 1}}
	got := freshness.BySource([]history.SourceFreshness{triage, rec(1, 1, nil), rec(2, 0, map[string]int64{"3": 3})})
	want := []history.SourceFreshness{rec(2, 1, map[string]int64{"3": 3}), triage}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("BySource = %+v, want %+v", got, want)
	}
}
