package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

const clinicalNote = "Clinical: null and FORBIDDEN for role billing."

type labResultNode = subNode[contracts.LabOrderState, contracts.LabResult]

// findResult finds the result of test code in a version of a lab order.
func findResult(code string) func(contracts.LabOrderState) (contracts.LabResult, bool) {
	return func(o contracts.LabOrderState) (contracts.LabResult, bool) {
		for _, r := range o.Results {
			if r.Code == code {
				return r, true
			}
		}
		return contracts.LabResult{}, false
	}
}

// findCorrection finds the i-th correction of the result of test code.
func findCorrection(code string, i int) func(contracts.LabOrderState) (contracts.LabCorrection, bool) {
	return func(o contracts.LabOrderState) (contracts.LabCorrection, bool) {
		r, ok := findResult(code)(o)
		if !ok || i >= len(r.Corrections) {
			return contracts.LabCorrection{}, false
		}
		return r.Corrections[i], true
	}
}

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
	c := sub[contracts.LabOrderState, contracts.LabCorrection]
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
			"provenance": provenanceField[contracts.LabOrderState, contracts.LabCorrection](b, false,
				"The version of the lab order that recorded this correction (its LabResultCorrected event)."),
		},
	})
	r := sub[contracts.LabOrderState, contracts.LabResult]
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
				Resolve: from(func(n labResultNode) any {
					return subNodes(n.value.Corrections, n.prior, n.last, func(i int) func(contracts.LabOrderState) (contracts.LabCorrection, bool) {
						return findCorrection(n.value.Code, i)
					})
				}),
			},
			"provenance": provenanceField[contracts.LabOrderState, contracts.LabResult](b, false,
				"The version of the lab order that gave this result its current value: the event that recorded "+
					"or last corrected it, not a later one about another test of the order."),
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
			"results": {Type: listOf(result), Resolve: stateWithVersions(func(o contracts.LabOrderState, prior []history.Version[contracts.LabOrderState], last history.Version[contracts.LabOrderState]) any {
				return subNodes(o.Results, prior, last, func(i int) func(contracts.LabOrderState) (contracts.LabResult, bool) {
					return findResult(o.Results[i].Code)
				})
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
