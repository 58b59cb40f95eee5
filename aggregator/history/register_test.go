package history

import (
	"slices"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// rxVersions are a prescription issued (v1) and cancelled (v2).
func rxVersions(b *builder) (issued, cancelledRx Delivery) {
	rx := prescription(pat, enc, "RX-3001", at(40))
	issued = b.deliver(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, at(40), physician)
	cancelledRx = b.deliver(contracts.PrescriptionCancelled{PrescriptionState: cancelled(rx, at(60))}, 2, at(60), physician)
	return issued, cancelledRx
}

// twin is another event for the same record version as d, with its own id.
func twin(b *builder, d Delivery) Delivery {
	d.Event.ID = b.nextID()
	d.Event.Actor = contracts.Actor{ID: "PR-2", Role: "physician"}
	d.Offset += 100
	return d
}

func TestApplyLastVersionWins(t *testing.T) {
	runApplyCases(t, []applyCase{
		{
			name:       "older_version_after_newer_is_kept_as_superseded",
			deliveries: func(b *builder) []Delivery { v1, v2 := rxVersions(b); return []Delivery{v2, v1} },
			check: func(t *testing.T, r run) {
				rx := r.encounter(t, enc).Prescriptions[0]
				if got := versions(rx); !slices.Equal(got, []int64{1, 2}) {
					t.Fatalf("versions %v, want [1 2]", got)
				}
				if rx.Current.State.Status != contracts.PrescriptionStatusCancelled || rx.Superseded[0].State.Status != contracts.PrescriptionStatusActive {
					t.Errorf("current %s, superseded %s; want cancelled over active", rx.Current.State.Status, rx.Superseded[0].State.Status)
				}
				if r.after[0] == r.after[1] {
					t.Error("the older version changed nothing; it must be kept for audit")
				}
			},
		},
		{
			name: "missing_versions_fill_in_superseded_in_version_order",
			deliveries: func(b *builder) []Delivery {
				o := imagingOrder(pat, enc, "IS-5001", at(35))
				p := performed(o, at(60))
				f := reported(p, at(105))
				return []Delivery{
					b.deliver(contracts.ImagingReportAmended{ImagingStudyState: amended(f, at(180))}, 4, at(180), radiologist),
					b.deliver(contracts.ImagingStudyPerformed{ImagingStudyState: p}, 2, at(60), physician),
					b.deliver(contracts.ImagingStudyOrdered{ImagingStudyState: o}, 1, at(35), physician),
					b.deliver(contracts.ImagingReportFinalized{ImagingStudyState: f}, 3, at(105), radiologist),
				}
			},
			check: func(t *testing.T, r run) {
				st := r.encounter(t, enc).ImagingStudies[0]
				if got := versions(st); !slices.Equal(got, []int64{1, 2, 3, 4}) {
					t.Fatalf("versions %v, want [1 2 3 4]", got)
				}
				if st.Current.State.Report.Status != contracts.ReportStatusAmended || st.Superseded[2].State.Report.Status != contracts.ReportStatusFinal {
					t.Errorf("current report %s, v3 report %s; want amended over final", st.Current.State.Report.Status, st.Superseded[2].State.Report.Status)
				}
			},
		},
		{
			name: "corrected_lab_result_keeps_superseded_value",
			deliveries: func(b *builder) []Delivery {
				placed := labOrder(pat, enc, "LO-4001", at(30))
				recorded := withResult(placed, potassium, contracts.ResultStatusFinal, 5.9, at(90))
				return []Delivery{
					b.deliver(contracts.LabOrderPlaced{LabOrderState: placed}, 1, at(30), physician),
					b.deliver(contracts.LabResultCorrected{LabOrderState: corrected(recorded, potassium, 4.2, at(130)), ResultCode: potassium}, 3, at(130), labtech),
					b.deliver(contracts.LabResultRecorded{LabOrderState: recorded, ResultCode: potassium}, 2, at(90), labtech),
				}
			},
			check: func(t *testing.T, r run) {
				lo := r.encounter(t, enc).LabOrders[0]
				if got := versions(lo); !slices.Equal(got, []int64{1, 2, 3}) {
					t.Fatalf("versions %v, want [1 2 3]", got)
				}
				cur, old := lo.Current.State.Results[0], lo.Superseded[1].State.Results[0]
				if cur.Value != 4.2 || cur.Status != contracts.ResultStatusCorrected || old.Value != 5.9 || old.Status != contracts.ResultStatusFinal {
					t.Errorf("current %v %s, superseded %v %s; want 4.2 corrected over 5.9 final", cur.Value, cur.Status, old.Value, old.Status)
				}
				if lo.Superseded[1].Provenance.EventType != contracts.TypeLabResultRecorded || lo.Superseded[1].Provenance.Actor != labtech {
					t.Errorf("superseded provenance %+v, want the LabResultRecorded by the lab tech", lo.Superseded[1].Provenance)
				}
			},
		},
		{
			name: "duplicate_delivery_changes_nothing_not_even_ingested_at",
			deliveries: func(b *builder) []Delivery {
				v1, _ := rxVersions(b)
				again := v1
				again.ReceivedAt = v1.ReceivedAt.Add(3 * time.Hour)
				return []Delivery{v1, again}
			},
			check: func(t *testing.T, r run) {
				if r.after[0] != r.after[1] {
					t.Errorf("redelivery changed the documents:\n%s\n%s", r.after[0], r.after[1])
				}
				if got := r.encounter(t, enc).Prescriptions[0].Current.Provenance.IngestedAt; !got.Equal(r.deliveries[0].ReceivedAt) {
					t.Errorf("ingested at %v, want the first delivery's %v", got, r.deliveries[0].ReceivedAt)
				}
			},
		},
		{
			name: "duplicate_of_a_superseded_version_changes_nothing",
			deliveries: func(b *builder) []Delivery {
				v1, v2 := rxVersions(b)
				again := v1
				again.ReceivedAt = v2.ReceivedAt.Add(time.Hour)
				return []Delivery{v1, v2, again}
			},
			check: func(t *testing.T, r run) {
				if r.after[1] != r.after[2] {
					t.Errorf("redelivery of v1 changed the documents:\n%s\n%s", r.after[1], r.after[2])
				}
			},
		},
		{
			name: "same_version_from_two_events_keeps_the_smaller_event_id_arriving_first",
			deliveries: func(b *builder) []Delivery {
				v1, _ := rxVersions(b)
				return []Delivery{v1, twin(b, v1)}
			},
			check: func(t *testing.T, r run) {
				rx := r.encounter(t, enc).Prescriptions[0]
				if rx.Current.Provenance.EventID != r.deliveries[0].Event.ID || len(rx.Superseded) != 0 {
					t.Errorf("current from %s with %d superseded, want %s alone", rx.Current.Provenance.EventID, len(rx.Superseded), r.deliveries[0].Event.ID)
				}
			},
		},
		{
			name: "same_version_from_two_events_keeps_the_smaller_event_id_arriving_last",
			deliveries: func(b *builder) []Delivery {
				v1, _ := rxVersions(b)
				return []Delivery{twin(b, v1), v1}
			},
			check: func(t *testing.T, r run) {
				rx := r.encounter(t, enc).Prescriptions[0]
				if rx.Current.Provenance.EventID != r.deliveries[1].Event.ID || rx.Current.Provenance.Actor != physician {
					t.Errorf("current from %s by %v, want %s by %v", rx.Current.Provenance.EventID, rx.Current.Provenance.Actor, r.deliveries[1].Event.ID, physician)
				}
			},
		},
		{
			name: "same_superseded_version_from_two_events_keeps_the_smaller_event_id",
			deliveries: func(b *builder) []Delivery {
				v1, v2 := rxVersions(b)
				return []Delivery{v2, twin(b, v1), v1}
			},
			check: func(t *testing.T, r run) {
				rx := r.encounter(t, enc).Prescriptions[0]
				if got := versions(rx); !slices.Equal(got, []int64{1, 2}) || rx.Superseded[0].Provenance.EventID != r.deliveries[2].Event.ID {
					t.Errorf("versions %v, v1 from %s; want [1 2], v1 from %s", got, rx.Superseded[0].Provenance.EventID, r.deliveries[2].Event.ID)
				}
			},
		},
	})
}
