package history

import (
	"slices"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

func TestApplyOrdersDocuments(t *testing.T) {
	runApplyCases(t, []applyCase{
		{
			name:       "sort_time_without_visit_is_the_earliest_time_of_any_record",
			deliveries: func(b *builder) []Delivery { return recordsWithoutVisit(b, false) },
			check: func(t *testing.T, r run) {
				if e := r.encounter(t, enc); !e.SortTime.Equal(at(30)) || !e.UpdatedAt.Equal(at(60)) {
					t.Errorf("sort time %v, updated %v; want %v and %v", e.SortTime, e.UpdatedAt, at(30), at(60))
				}
			},
		},
		{
			name:       "sort_time_without_visit_counts_superseded_versions",
			deliveries: func(b *builder) []Delivery { return recordsWithoutVisit(b, true) },
			check: func(t *testing.T, r run) {
				if e := r.encounter(t, enc); !e.SortTime.Equal(at(10)) || !e.UpdatedAt.Equal(at(60)) {
					t.Errorf("sort time %v, updated %v; want %v and %v", e.SortTime, e.UpdatedAt, at(10), at(60))
				}
			},
		},
		{
			name: "records_are_kept_sorted_by_id_and_encounters_as_a_sorted_set",
			deliveries: func(b *builder) []Delivery {
				var ds []Delivery
				for _, id := range []string{"RX-3", "RX-1", "RX-2"} {
					ds = append(ds, b.deliver(contracts.PrescriptionIssued{PrescriptionState: prescription(pat, enc, id, at(20))}, 1, at(20), physician))
				}
				for _, e := range []string{"E-3", "E-1", enc} {
					ds = append(ds, b.deliver(contracts.EncounterOpened{EncounterState: visit(pat, e, at(0))}, 1, at(0), nurse))
				}
				return ds
			},
			check: func(t *testing.T, r run) {
				var ids []string
				for _, rx := range r.encounter(t, enc).Prescriptions {
					ids = append(ids, rx.ID)
				}
				if !slices.Equal(ids, []string{"RX-1", "RX-2", "RX-3"}) {
					t.Errorf("prescriptions %v, want sorted", ids)
				}
				if got := r.patient(t, pat).EncounterIDs; !slices.Equal(got, []string{"E-1", enc, "E-3"}) {
					t.Errorf("encounter ids %v, want [E-1 %s E-3]", got, enc)
				}
			},
		},
	})
}

// recordsWithoutVisit are a prescription at 50 min, an imaging order at 30
// and a lab result at 60 (version 2 of an order placed at 10), with the
// order's placement (version 1) last when withPlacement.
func recordsWithoutVisit(b *builder, withPlacement bool) []Delivery {
	lo := labOrder(pat, enc, "LO-4001", at(10))
	ds := []Delivery{
		b.deliver(contracts.PrescriptionIssued{PrescriptionState: prescription(pat, enc, "RX-3001", at(50))}, 1, at(50), physician),
		b.deliver(contracts.ImagingStudyOrdered{ImagingStudyState: imagingOrder(pat, enc, "IS-5001", at(30))}, 1, at(30), physician),
		b.deliver(contracts.LabResultRecorded{LabOrderState: withResult(lo, hemoglobin, contracts.ResultStatusFinal, 13.5, at(60)), ResultCode: hemoglobin}, 2, at(60), labtech),
	}
	if withPlacement {
		ds = append(ds, b.deliver(contracts.LabOrderPlaced{LabOrderState: lo}, 1, at(10), physician))
	}
	return ds
}
