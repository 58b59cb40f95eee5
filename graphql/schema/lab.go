package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/contracts"
)

const clinicalNote = "Clinical: null and FORBIDDEN for role billing."

func (b *builder) labOrderType() *graphql.Object {
	test := graphql.NewObject(graphql.ObjectConfig{
		Name:        "LabTest",
		Description: "A test of a lab order, coded with LOINC.",
		Fields: graphql.Fields{
			"code": {Type: nonNull(graphql.String), Resolve: from(func(t contracts.LabTest) any { return t.Code })},
			"name": {Type: nonNull(graphql.String), Resolve: from(func(t contracts.LabTest) any { return t.Name })},
		},
	})
	reference := graphql.NewObject(graphql.ObjectConfig{
		Name:        "ReferenceRange",
		Description: "Normal range of a numeric result; either bound may be absent.",
		Fields: graphql.Fields{
			"low":  {Type: graphql.Float, Resolve: from(func(r contracts.ReferenceRange) any { return floatOrNil(r.Low) })},
			"high": {Type: graphql.Float, Resolve: from(func(r contracts.ReferenceRange) any { return floatOrNil(r.High) })},
		},
	})
	c := func(f func(contracts.LabCorrection) any) graphql.FieldResolveFn { return from(f) }
	correction := graphql.NewObject(graphql.ObjectConfig{
		Name:        "LabCorrection",
		Description: "A superseded value of a lab result.",
		Fields: graphql.Fields{
			"previousValue": {Type: graphql.Float, Description: clinicalNote, Resolve: clinical(c(func(x contracts.LabCorrection) any { return x.PreviousValue }))},
			"previousUnit":  {Type: nonNull(graphql.String), Resolve: c(func(x contracts.LabCorrection) any { return x.PreviousUnit })},
			"value":         {Type: graphql.Float, Description: clinicalNote, Resolve: clinical(c(func(x contracts.LabCorrection) any { return x.Value }))},
			"unit":          {Type: nonNull(graphql.String), Resolve: c(func(x contracts.LabCorrection) any { return x.Unit })},
			"reason":        {Type: nonNull(graphql.String), Resolve: c(func(x contracts.LabCorrection) any { return x.Reason })},
			"correctedBy":   {Type: nonNull(graphql.String), Resolve: c(func(x contracts.LabCorrection) any { return x.CorrectedBy })},
			"correctedAt":   {Type: nonNull(b.dateTime), Resolve: c(func(x contracts.LabCorrection) any { return x.CorrectedAt })},
		},
	})
	r := func(f func(contracts.LabResult) any) graphql.FieldResolveFn { return from(f) }
	result := graphql.NewObject(graphql.ObjectConfig{
		Name:        "LabResult",
		Description: "The current result of one ordered test (FHIR Observation), with its corrections.",
		Fields: graphql.Fields{
			"code":           {Type: nonNull(graphql.String), Description: "LOINC code.", Resolve: r(func(x contracts.LabResult) any { return x.Code })},
			"name":           {Type: nonNull(graphql.String), Resolve: r(func(x contracts.LabResult) any { return x.Name })},
			"value":          {Type: graphql.Float, Description: clinicalNote, Resolve: clinical(r(func(x contracts.LabResult) any { return x.Value }))},
			"unit":           {Type: nonNull(graphql.String), Resolve: r(func(x contracts.LabResult) any { return x.Unit })},
			"referenceRange": {Type: reference, Description: clinicalNote, Resolve: clinical(r(func(x contracts.LabResult) any { return x.ReferenceRange }))},
			"interpretation": {
				Type:        graphql.String,
				Description: "N, H, L, HH, LL or A; null when not given. " + clinicalNote,
				Resolve:     clinical(r(func(x contracts.LabResult) any { return stringOrNil(x.Interpretation) })),
			},
			"status":     {Type: nonNull(b.labResultStatus), Resolve: r(func(x contracts.LabResult) any { return x.Status })},
			"performer":  {Type: nonNull(graphql.String), Resolve: r(func(x contracts.LabResult) any { return x.Performer })},
			"resultedAt": {Type: nonNull(b.dateTime), Resolve: r(func(x contracts.LabResult) any { return x.ResultedAt })},
			"corrections": {
				Type:        listOf(correction),
				Description: "Superseded values, oldest first.",
				Resolve: r(func(x contracts.LabResult) any {
					if x.Corrections == nil {
						return []contracts.LabCorrection{}
					}
					return x.Corrections
				}),
			},
		},
	})
	s := state[contracts.LabOrderState]
	t := graphql.NewObject(graphql.ObjectConfig{
		Name:        "LabOrder",
		Description: "A lab order (FHIR ServiceRequest) with the results recorded so far.",
		Fields: graphql.Fields{
			"tests": {Type: listOf(test), Resolve: s(func(o contracts.LabOrderState) any {
				if o.Tests == nil {
					return []contracts.LabTest{}
				}
				return o.Tests
			})},
			"orderedBy": {Type: nonNull(graphql.String), Resolve: s(func(o contracts.LabOrderState) any { return o.OrderedBy })},
			"orderedAt": {Type: nonNull(b.dateTime), Resolve: s(func(o contracts.LabOrderState) any { return o.OrderedAt })},
			"results": {Type: listOf(result), Resolve: s(func(o contracts.LabOrderState) any {
				if o.Results == nil {
					return []contracts.LabResult{}
				}
				return o.Results
			})},
		},
	})
	recordFields[contracts.LabOrderState](b, t, "lab order")
	return t
}

// floatOrNil returns *f, or nil when f is nil.
func floatOrNil(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
