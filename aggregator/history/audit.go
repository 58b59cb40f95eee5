package history

import (
	"fmt"

	"github.com/prontuario/prontuario/contracts"
)

// AuditEntryFor is the audit trail entry of a delivery: who did what to
// which record, when, from which event. Its Summary names the event type,
// the record and the actor, e.g. "LabResultCorrected lab order LO-1 v3 by
// labtech:LAB-9", and never a clinical value or a person's name. It is pure
// and safe to call concurrently.
func AuditEntryFor(d Delivery) AuditEntry {
	e := d.Event
	summary := fmt.Sprintf("%s %s %s v%d", e.Type, recordNoun(e.Source), e.AggregateID, e.AggregateVersion)
	if actor := e.Actor.String(); actor != "" {
		summary += " by " + actor
	}
	return AuditEntry{
		PatientID:   e.PatientID,
		EncounterID: e.EncounterID,
		AggregateID: e.AggregateID,
		Provenance:  ProvenanceOf(d),
		Summary:     summary,
	}
}

// recordNoun names the kind of record a source's events are about.
func recordNoun(s contracts.Source) string {
	switch s {
	case contracts.SourceTriage:
		return "encounter"
	case contracts.SourcePrescription:
		return "prescription"
	case contracts.SourceLab:
		return "lab order"
	case contracts.SourceImaging:
		return "imaging study"
	}
	return "record"
}
