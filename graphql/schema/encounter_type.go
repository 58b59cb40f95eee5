package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
)

func (b *builder) encounterType() *graphql.Object {
	get := func(src any) (*visitVersion, []visitVersion, bool) {
		e, ok := src.(history.Encounter)
		if !ok || e.Visit == nil {
			return nil, nil, ok
		}
		return &e.Visit.Current, e.Visit.Superseded, true
	}
	e := func(f func(history.Encounter) any) graphql.FieldResolveFn { return from(f) }
	fields := b.visitFields(get)
	more := graphql.Fields{
		"id":        {Type: nonNull(graphql.ID), Resolve: e(func(x history.Encounter) any { return x.ID })},
		"patientId": {Type: nonNull(graphql.ID), Resolve: e(func(x history.Encounter) any { return x.PatientID })},
		"status": {
			Type:    nonNull(b.encounterStatus),
			Resolve: e(func(x history.Encounter) any { return x.Status }),
		},
		"prescriptions": {Type: listOf(b.prescription), Resolve: e(func(x history.Encounter) any { return currentNodes(x.Prescriptions) })},
		"labOrders":     {Type: listOf(b.labOrder), Resolve: e(func(x history.Encounter) any { return currentNodes(x.LabOrders) })},
		"imagingStudies": {
			Type:    listOf(b.imaging),
			Resolve: e(func(x history.Encounter) any { return currentNodes(x.ImagingStudies) }),
		},
		"completeness": {
			Type:    nonNull(b.completeness),
			Resolve: e(func(x history.Encounter) any { return completenessValue{missing: x.Missing} }),
		},
		"version": {
			Type:        b.long,
			Description: "Version of the encounter record in triage; null until it arrives.",
			Resolve: e(func(x history.Encounter) any {
				if x.Visit == nil {
					return nil
				}
				return x.Visit.Current.Provenance.RecordVersion
			}),
		},
		"provenance": {
			Type:        b.provenance,
			Description: "Provenance of the encounter record; null until it arrives.",
			Resolve: e(func(x history.Encounter) any {
				if x.Visit == nil {
					return nil
				}
				return x.Visit.Current.Provenance
			}),
		},
		"supersededVersions": {
			Type:        listOf(b.encounterVersion),
			Description: "Earlier versions of the encounter record, oldest first.",
			Resolve: e(func(x history.Encounter) any {
				if x.Visit == nil {
					return []visitNode{}
				}
				out := make([]visitNode, len(x.Visit.Superseded))
				for i, v := range x.Visit.Superseded {
					out[i] = visitNode{version: v, prior: x.Visit.Superseded[:i:i]}
				}
				return out
			}),
		},
		"updatedAt": {
			Type:        nonNull(b.dateTime),
			Description: "Newest occurredAt of any event applied to the encounter.",
			Resolve:     e(func(x history.Encounter) any { return x.UpdatedAt }),
		},
	}
	for k, f := range more {
		fields[k] = f
	}
	return graphql.NewObject(graphql.ObjectConfig{
		Name: "Encounter",
		Description: "One visit (\"atendimento\") with every record of it. Records arrive independently: " +
			"while some are missing, status may be UNKNOWN, completeness.missing names what is missing, " +
			"and the sections they would fill are null or empty. That is data, not an error.",
		Fields: fields,
	})
}
