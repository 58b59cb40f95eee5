package schema

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// pipelineValue is what PipelineStatus resolves from.
type pipelineValue struct {
	sources   []sourceValue
	checkedAt time.Time
}

type sourceValue struct {
	f   history.SourceFreshness
	now time.Time
}

type partitionOffset struct {
	topic     string
	partition int
	offset    int64
}

func (b *builder) pipelineStatusField() *graphql.Field {
	s := func(f func(sourceValue) any) graphql.FieldResolveFn { return from(f) }
	offset := graphql.NewObject(graphql.ObjectConfig{
		Name:        "PartitionOffset",
		Description: "The highest offset applied from one partition.",
		Fields: graphql.Fields{
			"topic":     {Type: nonNull(graphql.String), Resolve: from(func(o partitionOffset) any { return o.topic })},
			"partition": {Type: nonNull(graphql.Int), Resolve: from(func(o partitionOffset) any { return o.partition })},
			"offset":    {Type: nonNull(b.long), Resolve: from(func(o partitionOffset) any { return o.offset })},
		},
	})
	source := graphql.NewObject(graphql.ObjectConfig{
		Name:        "SourceStatus",
		Description: "How far the read model is behind one domain service.",
		Fields: graphql.Fields{
			"source": {Type: nonNull(b.source), Resolve: s(func(v sourceValue) any { return v.f.Source })},
			"topic":  {Type: nonNull(graphql.String), Resolve: s(func(v sourceValue) any { return v.f.Source.Topic() })},
			"newestEventTime": {
				Type:        b.dateTime,
				Description: "occurredAt of the newest applied event; null when none was applied.",
				Resolve:     s(func(v sourceValue) any { return timeOrNil(v.f.NewestEventTime) }),
			},
			"newestAppliedAt": {
				Type:        b.dateTime,
				Description: "When the aggregator last applied an event of this source.",
				Resolve:     s(func(v sourceValue) any { return timeOrNil(v.f.NewestAppliedAt) }),
			},
			"lagSeconds": {
				Type: graphql.Float,
				Description: "Seconds from newestEventTime to now: an upper bound of how stale the read model is " +
					"for this source (a quiet source also shows a growing lag). Null when no event was applied.",
				Resolve: s(func(v sourceValue) any {
					if v.f.NewestEventTime.IsZero() {
						return nil
					}
					return v.now.Sub(v.f.NewestEventTime).Seconds()
				}),
			},
			"appliedCount": {Type: nonNull(b.long), Description: "Events applied.", Resolve: s(func(v sourceValue) any { return v.f.AppliedCount })},
			"deadLettered": {Type: nonNull(b.long), Description: "Events sent to the dead-letter topic.", Resolve: s(func(v sourceValue) any { return v.f.DeadLettered })},
			"offsets":      {Type: listOf(offset), Description: "Highest applied offset per partition.", Resolve: s(func(v sourceValue) any { return offsets(v.f.Offsets) })},
		},
	})
	status := graphql.NewObject(graphql.ObjectConfig{
		Name:        "PipelineStatus",
		Description: "Freshness of the read model, per source service.",
		Fields: graphql.Fields{
			"sources":   {Type: listOf(source), Description: "Every source, in a fixed order.", Resolve: from(func(v pipelineValue) any { return v.sources })},
			"checkedAt": {Type: nonNull(b.dateTime), Resolve: from(func(v pipelineValue) any { return v.checkedAt })},
		},
	})
	return &graphql.Field{
		Type:        nonNull(status),
		Description: "How current the read model is. Holds no patient data: any role, not logged.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			if _, err := principal(p.Context); err != nil {
				return nil, err
			}
			fresh, err := b.deps.Reader.Freshness(p.Context)
			if err != nil {
				return nil, storeError("read freshness", err)
			}
			now := b.deps.Now().UTC()
			bySource := map[contracts.Source]history.SourceFreshness{}
			for _, f := range fresh {
				bySource[f.Source] = f
			}
			v := pipelineValue{checkedAt: now}
			for _, src := range []contracts.Source{contracts.SourceTriage, contracts.SourcePrescription, contracts.SourceLab, contracts.SourceImaging} {
				f, ok := bySource[src]
				if !ok {
					f = history.SourceFreshness{Source: src}
				}
				v.sources = append(v.sources, sourceValue{f: f, now: now})
			}
			return v, nil
		},
	}
}

// offsets turns "topic/partition" keys into sorted partition offsets;
// malformed keys are skipped.
func offsets(m map[string]int64) []partitionOffset {
	out := make([]partitionOffset, 0, len(m))
	for k, off := range m {
		i := strings.LastIndexByte(k, '/')
		if i < 0 {
			continue
		}
		part, err := strconv.Atoi(k[i+1:])
		if err != nil {
			continue
		}
		out = append(out, partitionOffset{topic: k[:i], partition: part, offset: off})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].topic != out[j].topic {
			return out[i].topic < out[j].topic
		}
		return out[i].partition < out[j].partition
	})
	return out
}
