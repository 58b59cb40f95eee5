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
// get returns the version a field reads and the record's versions before
// it (ascending), or a nil version while the record is missing.
func (b *builder) visitFields(get func(any) (*visitVersion, []visitVersion, bool)) graphql.Fields {
	vv := func(f func(s contracts.EncounterState, prior []visitVersion, last visitVersion) any) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) {
			version, prior, ok := get(p.Source)
			if !ok {
				return nil, gqlerr.NewInternal(fmt.Errorf("field %s.%s: unexpected parent %T",
					p.Info.ParentType.Name(), p.Info.FieldName, p.Source))
			}
			if version == nil {
				return nil, nil
			}
			return f(version.State, prior, *version), nil
		}
	}
	v := func(f func(contracts.EncounterState) any) graphql.FieldResolveFn {
		return vv(func(s contracts.EncounterState, _ []visitVersion, _ visitVersion) any { return f(s) })
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
			Resolve: vv(func(s contracts.EncounterState, prior []visitVersion, last visitVersion) any {
				if s.Triage == nil {
					return nil
				}
				return triageNode{value: *s.Triage, prior: prior, last: last, find: findTriage}
			}),
		},
		"supersededTriage": {
			Type:        graphql.NewList(graphql.NewNonNull(b.triage)),
			Description: "Assessments replaced by a re-triage, oldest first; null while the encounter record is missing.",
			Resolve: vv(func(s contracts.EncounterState, prior []visitVersion, last visitVersion) any {
				return subNodes(s.SupersededTriage, prior, last, func(int) func(contracts.EncounterState) (contracts.TriageAssessment, bool) {
					return findTriage
				})
			}),
		},
	}
}

// visitNode is what EncounterVersion resolves from: a superseded version
// of the encounter record and the versions before it, ascending.
type visitNode struct {
	version visitVersion
	prior   []visitVersion
}

func (b *builder) encounterVersionType() *graphql.Object {
	get := func(src any) (*visitVersion, []visitVersion, bool) {
		n, ok := src.(visitNode)
		return &n.version, n.prior, ok
	}
	fields := b.visitFields(get)
	fields["status"] = &graphql.Field{
		Type:        nonNull(graphql.String),
		Description: "Status as triage recorded it in this version: open or closed.",
		Resolve:     from(func(n visitNode) any { return n.version.State.Status }),
	}
	fields["version"] = &graphql.Field{Type: nonNull(b.long), Resolve: from(func(n visitNode) any { return n.version.Provenance.RecordVersion })}
	fields["provenance"] = &graphql.Field{Type: nonNull(b.provenance), Resolve: from(func(n visitNode) any { return n.version.Provenance })}
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "EncounterVersion",
		Description: "A superseded version of the encounter record from triage, kept for audit.",
		Fields:      fields,
	})
}
