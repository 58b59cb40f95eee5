package history

import (
	"fmt"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

// BenchmarkApply measures the pure projection alone: no store, no JSON.
//
//   - typical_encounter folds the events of one realistic visit (triage,
//     prescriptions, a lab order with results and a correction, an imaging
//     study with its report) into an empty slice, over and over;
//   - encounter_with_200_lab_orders applies a new version of one of 200
//     orders to a large encounter, which copies the collection it changes.
func BenchmarkApply(b *testing.B) {
	b.Run("typical_encounter", func(b *testing.B) {
		ds := typicalEncounter(newBuilder(b))
		benchApply(b, len(ds), func(i int) (Slice, Delivery) { return NewSlice(pat, enc), ds[i%len(ds)] })
	})
	b.Run("encounter_with_200_lab_orders", func(b *testing.B) {
		bld := newBuilder(b)
		m := newMemStore()
		var next []Delivery
		for i := range 200 {
			lo := labOrder(pat, enc, fmt.Sprintf("LO-%04d", i), at(30))
			if err := m.apply(bld.deliver(contracts.LabOrderPlaced{LabOrderState: lo}, 1, at(30), physician)); err != nil {
				b.Fatal(err)
			}
			lo = withResult(lo, hemoglobin, contracts.ResultStatusFinal, 13.5, at(90))
			next = append(next, bld.deliver(contracts.LabResultRecorded{LabOrderState: lo, ResultCode: hemoglobin}, 2, at(90), labtech))
		}
		base := m.slice(next[0].Event)
		benchApply(b, 1, func(i int) (Slice, Delivery) { return base, next[i%len(next)] })
	})
}

// benchApply times Apply on the inputs input(i) gives, reporting applies/s.
// Folding restarts from input's slice every perFold applies.
func benchApply(b *testing.B, perFold int, input func(i int) (Slice, Delivery)) {
	b.ReportAllocs()
	var s Slice
	n := 0
	for b.Loop() {
		base, d := input(n)
		if n%perFold == 0 {
			s = base
		}
		var err error
		if s, err = Apply(s, d); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "applies/s")
}

// typicalEncounter is the events of one realistic visit, in emission order.
func typicalEncounter(b *builder) []Delivery {
	v := visit(pat, enc, at(0))
	tr := triaged(v, 3, at(12))
	rx := prescription(pat, enc, "RX-3001", at(40))
	lo := labOrder(pat, enc, "LO-4001", at(30))
	lo2 := withResult(lo, hemoglobin, contracts.ResultStatusFinal, 13.5, at(80))
	lo3 := withResult(lo2, potassium, contracts.ResultStatusFinal, 5.9, at(90))
	img := imagingOrder(pat, enc, "IS-5001", at(35))
	perf := performed(img, at(60))
	rep := reported(perf, at(105))
	return []Delivery{
		b.deliver(contracts.EncounterOpened{EncounterState: v}, 1, at(0), nurse),
		b.deliver(contracts.TriageRecorded{EncounterState: tr}, 2, at(12), nurse),
		b.deliver(contracts.LabOrderPlaced{LabOrderState: lo}, 1, at(30), physician),
		b.deliver(contracts.ImagingStudyOrdered{ImagingStudyState: img}, 1, at(35), physician),
		b.deliver(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, at(40), physician),
		b.deliver(contracts.ImagingStudyPerformed{ImagingStudyState: perf}, 2, at(60), physician),
		b.deliver(contracts.LabResultRecorded{LabOrderState: lo2, ResultCode: hemoglobin}, 2, at(80), labtech),
		b.deliver(contracts.LabResultRecorded{LabOrderState: lo3, ResultCode: potassium}, 3, at(90), labtech),
		b.deliver(contracts.ImagingReportFinalized{ImagingStudyState: rep}, 3, at(105), radiologist),
		b.deliver(contracts.LabResultCorrected{LabOrderState: corrected(lo3, potassium, 4.2, at(130)), ResultCode: potassium}, 4, at(130), labtech),
		b.deliver(contracts.ImagingReportAmended{ImagingStudyState: amended(rep, at(180))}, 4, at(180), radiologist),
		b.deliver(contracts.PrescriptionCancelled{PrescriptionState: cancelled(rx, at(200))}, 2, at(200), physician),
		b.deliver(contracts.EncounterClosed{EncounterState: closed(tr, at(240))}, 3, at(240), physician),
	}
}
