package schema

import (
	"errors"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
)

func (b *builder) patientType() *graphql.Object {
	d := func(f func(history.Demographics) any) graphql.FieldResolveFn {
		return from(func(p patientNode) any {
			if p.Demographics == nil {
				return nil
			}
			return f(*p.Demographics)
		})
	}
	encounterArgs := pageArgs(b.deps.DefaultFirst, b.deps.MaxFirst)
	encounterArgs["from"] = &graphql.ArgumentConfig{Type: b.dateTime, Description: "Only encounters that started at or after this instant."}
	encounterArgs["to"] = &graphql.ArgumentConfig{Type: b.dateTime, Description: "Only encounters that started before this instant."}
	return graphql.NewObject(graphql.ObjectConfig{
		Name: "Patient",
		Description: "A patient and their history. Demographics come from triage: they are null " +
			"(and completeness.missing holds DEMOGRAPHICS) while only other services' records have arrived.",
		Fields: graphql.Fields{
			"id":        {Type: nonNull(graphql.ID), Resolve: from(func(p patientNode) any { return p.ID })},
			"name":      {Type: graphql.String, Resolve: d(func(x history.Demographics) any { return stringOrNil(x.Name) })},
			"birthDate": {Type: b.date, Resolve: d(func(x history.Demographics) any { return stringOrNil(x.BirthDate) })},
			"sex":       {Type: b.sex, Resolve: d(func(x history.Demographics) any { return stringOrNil(x.Sex) })},
			"demographicsProvenance": {
				Type:        b.provenance,
				Description: "The event the demographics were taken from.",
				Resolve:     d(func(x history.Demographics) any { return x.From }),
			},
			"provenance": {
				Type: b.provenance,
				Description: "Provenance of the patient record: the event its identity was taken from (as " +
					"demographicsProvenance); null while only non-triage events are known.",
				Resolve: d(func(x history.Demographics) any { return x.From }),
			},
			"encounters": {
				Type:        nonNull(b.encounterConnection),
				Description: "The patient's encounters, newest first, one page per store read.",
				Args:        encounterArgs,
				Resolve:     b.resolvePatientEncounters,
			},
			"encounterCount": {
				Type:    nonNull(graphql.Int),
				Resolve: from(func(p patientNode) any { return len(p.EncounterIDs) }),
			},
			"completeness": {
				Type:    nonNull(b.completeness),
				Resolve: from(func(p patientNode) any { return completenessValue{missing: p.Missing()} }),
			},
			"updatedAt": {
				Type:        nonNull(b.dateTime),
				Description: "Newest occurredAt of any event applied to the patient.",
				Resolve:     from(func(p patientNode) any { return p.UpdatedAt }),
			},
		},
	})
}

func (b *builder) patientField() *graphql.Field {
	return &graphql.Field{
		Type:        b.patient,
		Description: "A patient by id; null when unknown. Logged in the access log.",
		Args:        graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.ID)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			who, err := principal(p.Context)
			if err != nil {
				return nil, err
			}
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			pat, err := b.deps.Reader.Patient(p.Context, id)
			if errors.Is(err, history.ErrNotFound) {
				return nil, b.logAccess(p.Context, who, "patient", accessTarget{patientID: id})
			}
			if err != nil {
				return nil, storeError("read patient "+id, err)
			}
			if err := b.logAccess(p.Context, who, "patient", accessTarget{patientID: pat.ID}); err != nil {
				return nil, err
			}
			return patientNodes([]history.Patient{pat})[0], nil
		},
	}
}
