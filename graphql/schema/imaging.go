package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

type imagingReportNode = subNode[contracts.ImagingStudyState, contracts.ImagingReport]

// findReport is the report of a version of an imaging study.
func findReport(s contracts.ImagingStudyState) (contracts.ImagingReport, bool) {
	if s.Report == nil {
		return contracts.ImagingReport{}, false
	}
	return *s.Report, true
}

// findAmendment finds the i-th amendment of the report.
func findAmendment(i int) func(contracts.ImagingStudyState) (contracts.ImagingAmendment, bool) {
	return func(s contracts.ImagingStudyState) (contracts.ImagingAmendment, bool) {
		if s.Report == nil || i >= len(s.Report.Amendments) {
			return contracts.ImagingAmendment{}, false
		}
		return s.Report.Amendments[i], true
	}
}

func (b *builder) imagingType() *graphql.Object {
	a := sub[contracts.ImagingStudyState, contracts.ImagingAmendment]
	amendment := graphql.NewObject(graphql.ObjectConfig{
		Name:        "ImagingAmendment",
		Description: "A superseded version of an imaging report.",
		Fields: graphql.Fields{
			"previousFindings":   {Type: graphql.String, Description: clinicalNote, Resolve: clinical(a(func(x contracts.ImagingAmendment) any { return x.PreviousFindings }))},
			"previousImpression": {Type: graphql.String, Description: clinicalNote, Resolve: clinical(a(func(x contracts.ImagingAmendment) any { return x.PreviousImpression }))},
			"reason":             {Type: nonNull(graphql.String), Resolve: a(func(x contracts.ImagingAmendment) any { return x.Reason })},
			"radiologist":        {Type: nonNull(graphql.String), Resolve: a(func(x contracts.ImagingAmendment) any { return x.Radiologist })},
			"amendedAt":          {Type: nonNull(b.dateTime), Resolve: a(func(x contracts.ImagingAmendment) any { return x.AmendedAt })},
			"provenance": provenanceField[contracts.ImagingStudyState, contracts.ImagingAmendment](b, false,
				"The version of the imaging study that recorded this amendment (its ImagingReportAmended event)."),
		},
	})
	r := sub[contracts.ImagingStudyState, contracts.ImagingReport]
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
				Resolve: from(func(n imagingReportNode) any {
					return subNodes(n.value.Amendments, n.prior, n.last, findAmendment)
				}),
			},
			"provenance": provenanceField[contracts.ImagingStudyState, contracts.ImagingReport](b, false,
				"The version of the imaging study that gave the report its current text: the event that "+
					"finalized or last amended it."),
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
				Resolve: stateWithVersions(func(x contracts.ImagingStudyState, prior []history.Version[contracts.ImagingStudyState], last history.Version[contracts.ImagingStudyState]) any {
					if x.Report == nil {
						return nil
					}
					return imagingReportNode{value: *x.Report, prior: prior, last: last, find: findReport}
				}),
			},
		},
	})
	recordFields[contracts.ImagingStudyState](b, t, "imaging study")
	return t
}
