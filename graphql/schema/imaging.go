package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/contracts"
)

func (b *builder) imagingType() *graphql.Object {
	a := func(f func(contracts.ImagingAmendment) any) graphql.FieldResolveFn { return from(f) }
	amendment := graphql.NewObject(graphql.ObjectConfig{
		Name:        "ImagingAmendment",
		Description: "A superseded version of an imaging report.",
		Fields: graphql.Fields{
			"previousFindings":   {Type: graphql.String, Description: clinicalNote, Resolve: clinical(a(func(x contracts.ImagingAmendment) any { return x.PreviousFindings }))},
			"previousImpression": {Type: graphql.String, Description: clinicalNote, Resolve: clinical(a(func(x contracts.ImagingAmendment) any { return x.PreviousImpression }))},
			"reason":             {Type: nonNull(graphql.String), Resolve: a(func(x contracts.ImagingAmendment) any { return x.Reason })},
			"radiologist":        {Type: nonNull(graphql.String), Resolve: a(func(x contracts.ImagingAmendment) any { return x.Radiologist })},
			"amendedAt":          {Type: nonNull(b.dateTime), Resolve: a(func(x contracts.ImagingAmendment) any { return x.AmendedAt })},
		},
	})
	r := func(f func(contracts.ImagingReport) any) graphql.FieldResolveFn { return from(f) }
	report := graphql.NewObject(graphql.ObjectConfig{
		Name:        "ImagingReport",
		Description: "The radiologist's report (FHIR DiagnosticReport).",
		Fields: graphql.Fields{
			"findings":    {Type: graphql.String, Description: clinicalNote, Resolve: clinical(r(func(x contracts.ImagingReport) any { return x.Findings }))},
			"impression":  {Type: graphql.String, Description: clinicalNote, Resolve: clinical(r(func(x contracts.ImagingReport) any { return x.Impression }))},
			"radiologist": {Type: nonNull(graphql.String), Resolve: r(func(x contracts.ImagingReport) any { return x.Radiologist })},
			"status":      {Type: nonNull(b.reportStatus), Resolve: r(func(x contracts.ImagingReport) any { return x.Status })},
			"finalizedAt": {Type: nonNull(b.dateTime), Resolve: r(func(x contracts.ImagingReport) any { return x.FinalizedAt })},
			"amendments": {
				Type:        listOf(amendment),
				Description: "Superseded versions of the report, oldest first.",
				Resolve: r(func(x contracts.ImagingReport) any {
					if x.Amendments == nil {
						return []contracts.ImagingAmendment{}
					}
					return x.Amendments
				}),
			},
		},
	})
	s := func(f func(contracts.ImagingStudyState) any) graphql.FieldResolveFn {
		return state[contracts.ImagingStudyState](f)
	}
	t := graphql.NewObject(graphql.ObjectConfig{
		Name:        "ImagingStudy",
		Description: "An imaging study and its report.",
		Fields: graphql.Fields{
			"status":           {Type: nonNull(b.studyStatus), Resolve: s(func(x contracts.ImagingStudyState) any { return x.Status })},
			"modality":         {Type: nonNull(graphql.String), Description: "DICOM modality: CT, MR, XR, US, NM or PT.", Resolve: s(func(x contracts.ImagingStudyState) any { return x.Modality })},
			"procedureCode":    {Type: nonNull(graphql.String), Resolve: s(func(x contracts.ImagingStudyState) any { return x.ProcedureCode })},
			"bodySite":         {Type: nonNull(graphql.String), Resolve: s(func(x contracts.ImagingStudyState) any { return x.BodySite })},
			"orderedBy":        {Type: nonNull(graphql.String), Resolve: s(func(x contracts.ImagingStudyState) any { return x.OrderedBy })},
			"orderedAt":        {Type: nonNull(b.dateTime), Resolve: s(func(x contracts.ImagingStudyState) any { return x.OrderedAt })},
			"studyInstanceUid": {Type: graphql.String, Description: "DICOM study instance UID, once performed.", Resolve: s(func(x contracts.ImagingStudyState) any { return stringOrNil(x.StudyInstanceUID) })},
			"technologist":     {Type: graphql.String, Resolve: s(func(x contracts.ImagingStudyState) any { return stringOrNil(x.Technologist) })},
			"performedAt":      {Type: b.dateTime, Resolve: s(func(x contracts.ImagingStudyState) any { return ptrTime(x.PerformedAt) })},
			"report": {
				Type:        report,
				Description: "Null until the report is finalized.",
				Resolve: s(func(x contracts.ImagingStudyState) any {
					if x.Report == nil {
						return nil
					}
					return *x.Report
				}),
			},
		},
	})
	recordFields[contracts.ImagingStudyState](b, t, "imaging study")
	return t
}
