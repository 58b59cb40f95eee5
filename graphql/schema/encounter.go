package schema

import (
	"fmt"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/graphql/gqlerr"
)

type visitVersion = history.Version[contracts.EncounterState]

// visitFields are the fields of the encounter record from triage, shared by
// Encounter (its current version, nil while UNKNOWN) and EncounterVersion.
func (b *builder) visitFields(get func(any) (*visitVersion, bool)) graphql.Fields {
	v := func(f func(contracts.EncounterState) any) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) {
			version, ok := get(p.Source)
			if !ok {
				return nil, gqlerr.NewInternal(fmt.Errorf("field %s.%s: unexpected parent %T",
					p.Info.ParentType.Name(), p.Info.FieldName, p.Source))
			}
			if version == nil {
				return nil, nil
			}
			return f(version.State), nil
		}
	}
	return graphql.Fields{
		"openedAt": {
			Type:        b.dateTime,
			Description: "Arrival time; null until the encounter record arrives.",
			Resolve:     v(func(s contracts.EncounterState) any { return timeOrNil(s.ArrivedAt) }),
		},
		"closedAt":    {Type: b.dateTime, Resolve: v(func(s contracts.EncounterState) any { return ptrTime(s.ClosedAt) })},
		"disposition": {Type: graphql.String, Description: "discharged, admitted, transferred, left-without-being-seen or deceased.", Resolve: v(func(s contracts.EncounterState) any { return stringOrNil(s.Disposition) })},
		"reason": {
			Type:        graphql.String,
			Description: "Reason for the visit, free text as told at arrival. " + clinicalNote,
			Resolve:     clinical(v(func(s contracts.EncounterState) any { return stringOrNil(s.Reason) })),
		},
		"triage": {
			Type:        b.triage,
			Description: "The current triage assessment; null until the patient is triaged or the record arrives.",
			Resolve: v(func(s contracts.EncounterState) any {
				if s.Triage == nil {
					return nil
				}
				return *s.Triage
			}),
		},
		"supersededTriage": {
			Type:        graphql.NewList(graphql.NewNonNull(b.triage)),
			Description: "Assessments replaced by a re-triage, oldest first; null while the encounter record is missing.",
			Resolve: v(func(s contracts.EncounterState) any {
				if s.SupersededTriage == nil {
					return []contracts.TriageAssessment{}
				}
				return s.SupersededTriage
			}),
		},
	}
}

func (b *builder) encounterVersionType() *graphql.Object {
	get := func(src any) (*visitVersion, bool) {
		v, ok := src.(visitVersion)
		return &v, ok
	}
	fields := b.visitFields(get)
	fields["status"] = &graphql.Field{
		Type:        nonNull(graphql.String),
		Description: "Status as triage recorded it in this version: open or closed.",
		Resolve:     from(func(v visitVersion) any { return v.State.Status }),
	}
	fields["version"] = &graphql.Field{Type: nonNull(b.long), Resolve: from(func(v visitVersion) any { return v.Provenance.RecordVersion })}
	fields["provenance"] = &graphql.Field{Type: nonNull(b.provenance), Resolve: from(func(v visitVersion) any { return v.Provenance })}
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "EncounterVersion",
		Description: "A superseded version of the encounter record from triage, kept for audit.",
		Fields:      fields,
	})
}
