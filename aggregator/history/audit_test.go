package history

import (
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

func TestAuditEntryFor(t *testing.T) {
	b := newBuilder(t)
	v := visit(pat, enc, at(0))
	recorded := withResult(labOrder(pat, enc, "LO-4001", at(30)), potassium, contracts.ResultStatusFinal, 5.9, at(90))
	noActor := b.deliver(contracts.ImagingReportFinalized{ImagingStudyState: reported(performed(imagingOrder(pat, enc, "IS-5001", at(35)), at(60)), at(100))}, 3, at(100), contracts.Actor{})
	tests := []struct {
		name        string
		delivery    Delivery
		wantSummary string
	}{
		{"lab_correction_names_order_version_and_actor",
			b.deliver(contracts.LabResultCorrected{LabOrderState: corrected(recorded, potassium, 4.2, at(130)), ResultCode: potassium}, 3, at(130), labtech),
			"LabResultCorrected lab order LO-4001 v3 by labtech:LAB-9"},
		{"triage_names_the_encounter_not_the_patient",
			b.deliver(contracts.TriageRecorded{EncounterState: triaged(v, 3, at(12))}, 2, at(12), nurse),
			"TriageRecorded encounter E-2001 v2 by nurse:N-17"},
		{"prescription_cancellation_names_the_prescription",
			b.deliver(contracts.PrescriptionCancelled{PrescriptionState: cancelled(prescription(pat, enc, "RX-3001", at(40)), at(60))}, 2, at(60), physician),
			"PrescriptionCancelled prescription RX-3001 v2 by physician:PR-1"},
		{"event_without_actor_has_no_by_clause", noActor, "ImagingReportFinalized imaging study IS-5001 v3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := AuditEntryFor(tc.delivery)
			if got.Summary != tc.wantSummary {
				t.Errorf("summary %q, want %q", got.Summary, tc.wantSummary)
			}
			for _, clinical := range []string{"Maria", "Oliveira", "4.2", "5.9", "Chest", "Potassium", "Allergy", "João"} {
				if strings.Contains(got.Summary, clinical) {
					t.Errorf("summary %q reveals %q", got.Summary, clinical)
				}
			}
			e := tc.delivery.Event
			if got.PatientID != e.PatientID || got.EncounterID != e.EncounterID || got.AggregateID != e.AggregateID || got.Provenance != ProvenanceOf(tc.delivery) {
				t.Errorf("entry %+v does not identify event %s", got, e.ID)
			}
		})
	}
}

func TestProvenanceOfCopiesTheCoordinatesAndUsesUTC(t *testing.T) {
	d := newBuilder(t).deliver(contracts.PrescriptionIssued{PrescriptionState: prescription(pat, enc, "RX-3001", at(40))}, 1, at(40), physician)
	d.Partition, d.Offset = 2, 417
	saoPaulo := time.FixedZone("BRT", -3*3600)
	d.ReceivedAt = time.Now().In(saoPaulo) // carries a monotonic reading
	got := ProvenanceOf(d)
	want := Provenance{
		EventID: d.Event.ID, EventType: contracts.TypePrescriptionIssued, SchemaVersion: 1, RecordVersion: 1,
		Source: contracts.SourcePrescription, Topic: contracts.TopicPrescription, Partition: 2, Offset: 417,
		OccurredAt: at(40), RecordedAt: at(40), IngestedAt: d.ReceivedAt.UTC(), Actor: physician, CorrelationID: "corr-1",
	}
	if got != want {
		t.Errorf("provenance\n got %+v\nwant %+v", got, want)
	}
	if got.IngestedAt.Location() != time.UTC || !got.IngestedAt.Equal(d.ReceivedAt) {
		t.Errorf("ingested at %v, want %v in UTC", got.IngestedAt, d.ReceivedAt)
	}
}
