package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/contracts"
)

func (b *builder) prescriptionType() *graphql.Object {
	s := state[contracts.PrescriptionState]
	prescriber := graphql.NewObject(graphql.ObjectConfig{
		Name:        "Prescriber",
		Description: "The prescriber as recorded when prescribing.",
		Fields: graphql.Fields{
			"id":        {Type: nonNull(graphql.ID), Resolve: from(func(p contracts.Prescriber) any { return p.ID })},
			"name":      {Type: nonNull(graphql.String), Resolve: from(func(p contracts.Prescriber) any { return p.Name })},
			"specialty": {Type: nonNull(graphql.String), Resolve: from(func(p contracts.Prescriber) any { return p.Specialty })},
			"license":   {Type: nonNull(graphql.String), Resolve: from(func(p contracts.Prescriber) any { return p.License })},
		},
	})
	i := func(f func(contracts.PrescriptionItem) any) graphql.FieldResolveFn { return from(f) }
	item := graphql.NewObject(graphql.ObjectConfig{
		Name:        "PrescriptionItem",
		Description: "One medication of a prescription (FHIR MedicationRequest).",
		Fields: graphql.Fields{
			"medicationCode":  {Type: nonNull(graphql.String), Resolve: i(func(it contracts.PrescriptionItem) any { return it.MedicationCode })},
			"medicationName":  {Type: nonNull(graphql.String), Resolve: i(func(it contracts.PrescriptionItem) any { return it.MedicationName })},
			"medicationClass": {Type: nonNull(graphql.String), Resolve: i(func(it contracts.PrescriptionItem) any { return it.MedicationClass })},
			"dose":            {Type: nonNull(graphql.String), Resolve: i(func(it contracts.PrescriptionItem) any { return it.Dose })},
			"route":           {Type: nonNull(graphql.String), Resolve: i(func(it contracts.PrescriptionItem) any { return it.Route })},
			"frequency":       {Type: nonNull(graphql.String), Resolve: i(func(it contracts.PrescriptionItem) any { return it.Frequency })},
			"times": {
				Type:        listOf(graphql.String),
				Description: "Administration times, HH:MM.",
				Resolve: i(func(it contracts.PrescriptionItem) any {
					if it.Times == nil {
						return []string{}
					}
					return it.Times
				}),
			},
		},
	})
	cancellation := graphql.NewObject(graphql.ObjectConfig{
		Name: "Cancellation",
		Fields: graphql.Fields{
			"reason":      {Type: nonNull(graphql.String), Resolve: from(func(c contracts.Cancellation) any { return c.Reason })},
			"cancelledBy": {Type: nonNull(graphql.String), Resolve: from(func(c contracts.Cancellation) any { return c.CancelledBy })},
			"cancelledAt": {Type: nonNull(b.dateTime), Resolve: from(func(c contracts.Cancellation) any { return c.CancelledAt })},
		},
	})
	t := graphql.NewObject(graphql.ObjectConfig{
		Name:        "Prescription",
		Description: "A prescription and its items, as the prescription service last recorded it.",
		Fields: graphql.Fields{
			"status":     {Type: nonNull(b.prescriptionStatus), Resolve: s(func(p contracts.PrescriptionState) any { return p.Status })},
			"issuedAt":   {Type: nonNull(b.dateTime), Resolve: s(func(p contracts.PrescriptionState) any { return p.IssuedAt })},
			"prescriber": {Type: nonNull(prescriber), Resolve: s(func(p contracts.PrescriptionState) any { return p.Prescriber })},
			"items": {Type: listOf(item), Resolve: s(func(p contracts.PrescriptionState) any {
				if p.Items == nil {
					return []contracts.PrescriptionItem{}
				}
				return p.Items
			})},
			"cancellation": {
				Type:        cancellation,
				Description: "Set when the prescription was cancelled.",
				Resolve: s(func(p contracts.PrescriptionState) any {
					if p.Cancellation == nil {
						return nil
					}
					return *p.Cancellation
				}),
			},
		},
	})
	recordFields[contracts.PrescriptionState](b, t, "prescription")
	return t
}
