package history

import (
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

// TestApplyNeverModifiesItsInput applies one delivery of each kind of change
// to the same slice and checks the slice renders as before every time, while
// the result differs (so each delivery did change something).
func TestApplyNeverModifiesItsInput(t *testing.T) {
	b := newBuilder(t)
	v := visit(pat, enc, at(0))
	rx := prescription(pat, enc, "RX-3001", at(40))
	lo := labOrder(pat, enc, "LO-4001", at(30))
	lo2 := withResult(lo, hemoglobin, contracts.ResultStatusPreliminary, 13.1, at(70))
	lo3 := withResult(lo2, hemoglobin, contracts.ResultStatusFinal, 13.5, at(90))
	img := imagingOrder(pat, enc, "IS-5001", at(35))
	m := newMemStore()
	for _, d := range []Delivery{
		b.deliver(contracts.EncounterOpened{EncounterState: v}, 1, at(0), nurse),
		b.deliver(contracts.PrescriptionCancelled{PrescriptionState: cancelled(rx, at(60))}, 2, at(60), physician),
		b.deliver(contracts.LabOrderPlaced{LabOrderState: lo}, 1, at(30), physician),
		b.deliver(contracts.LabResultRecorded{LabOrderState: lo3, ResultCode: hemoglobin}, 3, at(90), labtech),
		b.deliver(contracts.ImagingStudyOrdered{ImagingStudyState: img}, 1, at(35), physician),
	} {
		if err := m.apply(d); err != nil {
			t.Fatal(err)
		}
	}
	base := m.slice(contracts.Event{PatientID: pat, EncounterID: enc})
	before := render(t, base, false)

	older := b.deliver(contracts.LabResultRecorded{LabOrderState: lo2, ResultCode: hemoglobin}, 2, at(70), labtech)
	smallerTwin := b.deliver(contracts.LabResultRecorded{LabOrderState: lo3, ResultCode: hemoglobin}, 3, at(91), labtech)
	smallerTwin.Event.ID = "00000000-0000-7000-8000-000000000001"
	supersededTwin := b.deliver(contracts.LabOrderPlaced{LabOrderState: lo}, 1, at(31), labtech)
	supersededTwin.Event.ID = "00000000-0000-7000-8000-000000000002"
	changes := map[string]Delivery{
		"newer visit":                  b.deliver(contracts.TriageRecorded{EncounterState: triaged(v, 3, at(12))}, 2, at(12), nurse),
		"older prescription version":   b.deliver(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, at(40), physician),
		"missing lab version":          older,
		"twin with a smaller event id": smallerTwin,
		"twin of a superseded version": supersededTwin,
		"newer imaging version":        b.deliver(contracts.ImagingStudyPerformed{ImagingStudyState: performed(img, at(60))}, 2, at(60), physician),
		"new record":                   b.deliver(contracts.PrescriptionIssued{PrescriptionState: prescription(pat, enc, "RX-3002", at(45))}, 1, at(45), physician),
		"new demographics":             b.deliver(contracts.EncounterOpened{EncounterState: nameChangedVisit(enc, at(0))}, 1, at(0), nurse),
	}
	for name, d := range changes {
		got, err := Apply(base, d)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if render(t, got, false) == before {
			t.Errorf("%s: changed nothing, so it proves nothing", name)
		}
		if after := render(t, base, false); after != before {
			t.Fatalf("%s: Apply modified its input:\nbefore %s\nafter  %s", name, before, after)
		}
	}
}
