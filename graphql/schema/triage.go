package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/contracts"
)

func (b *builder) vitalSignsType() *graphql.Object {
	v := func(f func(contracts.Vitals) any) graphql.FieldResolveFn { return from(f) }
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "VitalSigns",
		Description: "Vital signs measured at triage. Clinical: null and FORBIDDEN for role billing.",
		Fields: graphql.Fields{
			"heartRate":       {Type: nonNull(graphql.Int), Description: "Beats per minute.", Resolve: v(func(s contracts.Vitals) any { return s.HeartRate })},
			"systolic":        {Type: nonNull(graphql.Int), Description: "mmHg.", Resolve: v(func(s contracts.Vitals) any { return s.Systolic })},
			"diastolic":       {Type: nonNull(graphql.Int), Description: "mmHg.", Resolve: v(func(s contracts.Vitals) any { return s.Diastolic })},
			"respiratoryRate": {Type: nonNull(graphql.Int), Description: "Breaths per minute.", Resolve: v(func(s contracts.Vitals) any { return s.RespiratoryRate })},
			"temperatureC":    {Type: nonNull(graphql.Float), Description: "Degrees Celsius.", Resolve: v(func(s contracts.Vitals) any { return s.TemperatureC })},
			"spo2":            {Type: nonNull(graphql.Int), Description: "Oxygen saturation, percent.", Resolve: v(func(s contracts.Vitals) any { return s.SpO2 })},
			"painScore":       {Type: nonNull(graphql.Int), Description: "0 (none) to 10.", Resolve: v(func(s contracts.Vitals) any { return s.PainScore })},
		},
	})
}

// triageNode is what the Triage type resolves from.
type triageNode = subNode[contracts.EncounterState, contracts.TriageAssessment]

// findTriage is the current assessment of a version of the encounter record.
func findTriage(s contracts.EncounterState) (contracts.TriageAssessment, bool) {
	if s.Triage == nil {
		return contracts.TriageAssessment{}, false
	}
	return *s.Triage, true
}

func (b *builder) triageType() *graphql.Object {
	t := sub[contracts.EncounterState, contracts.TriageAssessment]
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Triage",
		Description: "A triage assessment at arrival.",
		Fields: graphql.Fields{
			"acuity": {
				Type:        nonNull(graphql.Int),
				Description: "ESI level, 1 (resuscitation) to 5 (non-urgent).",
				Resolve:     t(func(a contracts.TriageAssessment) any { return a.Acuity }),
			},
			"chiefComplaint": {
				Type:        graphql.String,
				Description: "Clinical: null and FORBIDDEN for role billing.",
				Resolve:     clinical(t(func(a contracts.TriageAssessment) any { return a.ChiefComplaint })),
			},
			"vitalSigns": {
				Type:        b.vitalSigns,
				Description: "Clinical: null and FORBIDDEN for role billing.",
				Resolve:     clinical(t(func(a contracts.TriageAssessment) any { return a.Vitals })),
			},
			"nurse": {
				Type:        nonNull(graphql.String),
				Description: "Id of the nurse who assessed the patient.",
				Resolve:     t(func(a contracts.TriageAssessment) any { return a.NurseID }),
			},
			"assessedAt": {Type: nonNull(b.dateTime), Resolve: t(func(a contracts.TriageAssessment) any { return a.AssessedAt })},
			"provenance": provenanceField[contracts.EncounterState, contracts.TriageAssessment](b, true,
				"The version of the encounter record that recorded this assessment (the event of the triage "+
					"or re-triage); null only if that version never reached the read model."),
		},
	})
}
