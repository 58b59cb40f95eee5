// Package freshness merges per-source freshness records the way every store
// adapter must: the later times, the higher offset per partition, never
// going back.
package freshness

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// Merge returns a merged with b: the later NewestEventTime and
// NewestAppliedAt, the higher offset of every partition. Counters are left
// zero (stores count them at read time). Merge is commutative, associative
// and idempotent; it does not modify its arguments.
func Merge(a, b history.SourceFreshness) history.SourceFreshness {
	out := history.SourceFreshness{
		Source:          a.Source,
		NewestEventTime: later(a.NewestEventTime, b.NewestEventTime),
		NewestAppliedAt: later(a.NewestAppliedAt, b.NewestAppliedAt),
		Offsets:         make(map[string]int64, len(a.Offsets)+len(b.Offsets)),
	}
	if out.Source == "" {
		out.Source = b.Source
	}
	maps.Copy(out.Offsets, a.Offsets)
	for k, v := range b.Offsets {
		if cur, ok := out.Offsets[k]; !ok || v > cur {
			out.Offsets[k] = v
		}
	}
	return out
}

// BySource merges the records of each source, returned sorted by source.
func BySource(fs []history.SourceFreshness) []history.SourceFreshness {
	merged := make(map[contracts.Source]history.SourceFreshness)
	for _, f := range fs {
		merged[f.Source] = Merge(merged[f.Source], f)
	}
	out := slices.Collect(maps.Values(merged))
	slices.SortFunc(out, func(a, b history.SourceFreshness) int {
		return strings.Compare(string(a.Source), string(b.Source))
	})
	return out
}

// later returns the later instant, in UTC.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b.UTC()
	}
	return a.UTC()
}
