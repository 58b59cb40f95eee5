package mongostore

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// Freshness returns, sorted by source, one record per source that has
// applied events or dead letters, with AppliedCount and DeadLettered counted
// now from the audit entries and dead letters.
func (s *Store) Freshness(ctx context.Context) ([]history.SourceFreshness, error) {
	c, err := s.collections(ctx)
	if err != nil {
		return nil, err
	}
	out, err := readFreshness(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("read freshness: %w", err)
	}
	return out, nil
}

func readFreshness(ctx context.Context, c collections) ([]history.SourceFreshness, error) {
	bySource := map[contracts.Source]history.SourceFreshness{}
	cur, err := c.freshness.Find(ctx, bson.D{})
	if err != nil {
		return nil, err
	}
	if err := each(ctx, cur, func(d freshnessDoc) { bySource[d.Source] = d.SourceFreshness }); err != nil {
		return nil, err
	}
	counts := []struct {
		coll  *mongo.Collection
		field string
		put   func(*history.SourceFreshness, int64)
	}{
		{c.audit, "provenance.source", func(f *history.SourceFreshness, n int64) { f.AppliedCount = n }},
		{c.deadLetters, "source", func(f *history.SourceFreshness, n int64) { f.DeadLettered = n }},
	}
	for _, count := range counts {
		sources, err := count.coll.Distinct(ctx, count.field, bson.D{})
		if err != nil {
			return nil, err
		}
		for _, v := range sources {
			src, ok := v.(string)
			if !ok || src == "" {
				continue // a dead letter from a topic that is no domain's
			}
			n, err := count.coll.CountDocuments(ctx, eq(count.field, src))
			if err != nil {
				return nil, err
			}
			f, ok := bySource[contracts.Source(src)]
			if !ok {
				f = history.SourceFreshness{Source: contracts.Source(src), Offsets: map[string]int64{}}
			}
			count.put(&f, n)
			bySource[f.Source] = f
		}
	}
	out := make([]history.SourceFreshness, 0, len(bySource))
	for _, src := range slices.Sorted(maps.Keys(bySource)) {
		out = append(out, bySource[src])
	}
	return out, nil
}
