package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// builder makes the schema's types once, sharing them between the fields
// that use them, and holds the dependencies of the resolvers.
type builder struct {
	deps Deps

	dateTime, date, long *graphql.Scalar
	pageInfo             *graphql.Object

	encounterStatus, missingPart, source, sex, role, billableKind  *graphql.Enum
	prescriptionStatus, labResultStatus, studyStatus, reportStatus *graphql.Enum

	actor, provenance, completeness *graphql.Object
	triage, vitalSigns              *graphql.Object
	prescription, labOrder, imaging *graphql.Object
	encounter, encounterVersion     *graphql.Object
	encounterConnection             *graphql.Object
	patient                         *graphql.Object
}

func newBuilder(deps Deps) *builder {
	b := &builder{deps: deps}
	b.dateTime, b.date, b.long = newDateTime(), newDate(), newLong()
	b.enums()
	b.pageInfo = newPageInfo()
	b.actor, b.provenance = b.provenanceTypes()
	b.completeness = newCompleteness(b.missingPart)
	b.vitalSigns = b.vitalSignsType()
	b.triage = b.triageType()
	b.prescription = b.prescriptionType()
	b.labOrder = b.labOrderType()
	b.imaging = b.imagingType()
	b.encounterVersion = b.encounterVersionType()
	b.encounter = b.encounterType()
	b.encounterConnection = connection("Encounter", b.encounter, b.pageInfo)
	b.patient = b.patientType()
	return b
}

func enum(name, description string, values map[string]any) *graphql.Enum {
	m := graphql.EnumValueConfigMap{}
	for k, v := range values {
		m[k] = &graphql.EnumValueConfig{Value: v}
	}
	e := graphql.NewEnum(graphql.EnumConfig{Name: name, Description: description, Values: m})
	// graphql-go fills an enum's lookup maps lazily, without locking: fill
	// them now, before requests serialize enums concurrently.
	e.Serialize(nil)
	e.ParseValue("")
	return e
}

func (b *builder) enums() {
	b.encounterStatus = enum("EncounterStatus", "Where an encounter stands. UNKNOWN: no event from triage has arrived yet.",
		map[string]any{"OPEN": history.StatusOpen, "CLOSED": history.StatusClosed, "UNKNOWN": history.StatusUnknown})
	b.missingPart = enum("MissingPart", "What has not arrived yet from the domain services.", map[string]any{
		"ENCOUNTER":    history.MissingEncounter,
		"TRIAGE":       history.MissingTriage,
		"DEMOGRAPHICS": history.MissingDemographics,
	})
	b.source = enum("Source", "A domain service that emits events.", map[string]any{
		"TRIAGE": contracts.SourceTriage, "PRESCRIPTION": contracts.SourcePrescription,
		"LAB": contracts.SourceLab, "IMAGING": contracts.SourceImaging,
	})
	b.sex = enum("Sex", "Administrative sex as triage recorded it.",
		map[string]any{"FEMALE": "female", "MALE": "male", "OTHER": "other", "UNKNOWN": "unknown"})
	b.role = enum("Role", "What an API caller may read.",
		map[string]any{"AUDITOR": "auditor", "BILLING": "billing", "CLINICIAN": "clinician"})
	b.billableKind = enum("BillableKind", "The kind of a billable act.", map[string]any{
		"MEDICATION": history.BillableMedication, "LAB_TEST": history.BillableLabTest,
		"IMAGING_STUDY": history.BillableImaging,
	})
	b.prescriptionStatus = enum("PrescriptionStatus", "Status of a prescription.", map[string]any{
		"ACTIVE": contracts.PrescriptionStatusActive, "CANCELLED": contracts.PrescriptionStatusCancelled,
	})
	b.labResultStatus = enum("LabResultStatus", "Status of a lab result (FHIR Observation status).", map[string]any{
		"PRELIMINARY": contracts.ResultStatusPreliminary, "FINAL": contracts.ResultStatusFinal,
		"CORRECTED": contracts.ResultStatusCorrected, "ENTERED_IN_ERROR": contracts.ResultStatusEnteredInError,
	})
	b.studyStatus = enum("ImagingStudyStatus", "Status of an imaging study.", map[string]any{
		"ORDERED": contracts.StudyStatusOrdered, "PERFORMED": contracts.StudyStatusPerformed,
		"REPORTED": contracts.StudyStatusReported,
	})
	b.reportStatus = enum("ReportStatus", "Status of an imaging report.", map[string]any{
		"FINAL": contracts.ReportStatusFinal, "AMENDED": contracts.ReportStatusAmended,
	})
}
