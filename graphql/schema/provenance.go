package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

func (b *builder) provenanceTypes() (actor, provenance *graphql.Object) {
	actor = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Actor",
		Description: "Who did what an event records, and in which role.",
		Fields: graphql.Fields{
			"id":   {Type: nonNull(graphql.String), Resolve: from(func(a contracts.Actor) any { return a.ID })},
			"role": {Type: nonNull(graphql.String), Resolve: from(func(a contracts.Actor) any { return a.Role })},
		},
	})
	p := func(f func(history.Provenance) any) graphql.FieldResolveFn { return from(f) }
	provenance = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Provenance",
		Description: "Where a record's version came from: the event, its Kafka coordinates and who caused it.",
		Fields: graphql.Fields{
			"eventId":       {Type: nonNull(graphql.ID), Resolve: p(func(v history.Provenance) any { return v.EventID })},
			"eventType":     {Type: nonNull(graphql.String), Resolve: p(func(v history.Provenance) any { return string(v.EventType) })},
			"schemaVersion": {Type: nonNull(graphql.Int), Resolve: p(func(v history.Provenance) any { return v.SchemaVersion })},
			"recordVersion": {
				Type:        nonNull(b.long),
				Description: "Version of the source record this event produced (1, 2, ...).",
				Resolve:     p(func(v history.Provenance) any { return v.RecordVersion }),
			},
			"source":    {Type: nonNull(b.source), Resolve: p(func(v history.Provenance) any { return v.Source })},
			"topic":     {Type: nonNull(graphql.String), Resolve: p(func(v history.Provenance) any { return v.Topic })},
			"partition": {Type: nonNull(graphql.Int), Resolve: p(func(v history.Provenance) any { return int(v.Partition) })},
			"offset":    {Type: nonNull(b.long), Resolve: p(func(v history.Provenance) any { return v.Offset })},
			"occurredAt": {
				Type:        nonNull(b.dateTime),
				Description: "When the act happened (clinical time).",
				Resolve:     p(func(v history.Provenance) any { return v.OccurredAt }),
			},
			"recordedAt": {
				Type:        nonNull(b.dateTime),
				Description: "When the source service committed the change.",
				Resolve:     p(func(v history.Provenance) any { return v.RecordedAt }),
			},
			"ingestedAt": {
				Type:        nonNull(b.dateTime),
				Description: "When the aggregator first applied the event.",
				Resolve:     p(func(v history.Provenance) any { return v.IngestedAt }),
			},
			"actor":         {Type: nonNull(actor), Resolve: p(func(v history.Provenance) any { return v.Actor })},
			"correlationId": {Type: graphql.String, Resolve: p(func(v history.Provenance) any { return stringOrNil(v.CorrelationID) })},
		},
	})
	return actor, provenance
}

// completenessValue is what the Completeness type resolves from.
type completenessValue struct{ missing []string }

func newCompleteness(missingPart *graphql.Enum) *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name: "Completeness",
		Description: "Whether every expected record has arrived. Records arrive from independent services, " +
			"in any order: a partial record is data, not an error.",
		Fields: graphql.Fields{
			"complete": {
				Type:    nonNull(graphql.Boolean),
				Resolve: from(func(c completenessValue) any { return len(c.missing) == 0 }),
			},
			"missing": {
				Type:        listOf(missingPart),
				Description: "What has not arrived yet; empty when complete.",
				Resolve: from(func(c completenessValue) any {
					if c.missing == nil {
						return []string{}
					}
					return c.missing
				}),
			},
		},
	})
}
