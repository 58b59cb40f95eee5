package history

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// BillableItems derives the billable acts of an encounter from the current
// version of its records, sorted by id:
//
//   - MEDICATION: one per item of each prescription that is not cancelled;
//     code = medication code, service date = issuedAt, ordering = prescriber;
//   - LAB_TEST: one per result whose status is final or corrected (a
//     preliminary result is not billable yet, an entered-in-error one never;
//     a corrected result is one act); service date = resultedAt, ordering =
//     orderedBy, performing = performer;
//   - IMAGING_STUDY: one per study performed or reported; code = procedure
//     code, service date = performedAt, ordering = orderedBy, performing =
//     technologist.
//
// Ids are "KIND:recordId:code" (with "#2", "#3"... for a code repeated within
// one record), so rebuilding yields the same ids. It is pure and safe to call
// concurrently.
func BillableItems(e Encounter) []BillableItem {
	b := billing{enc: e, seen: map[string]int{}, items: []BillableItem{}}
	for _, r := range e.Prescriptions {
		rx := r.Current.State
		if rx.Status == contracts.PrescriptionStatusCancelled {
			continue
		}
		for _, it := range rx.Items {
			b.add(BillableItem{Kind: BillableMedication, RecordID: r.ID, Code: it.MedicationCode,
				Description: it.MedicationName + " " + it.Dose, ServiceDate: rx.IssuedAt,
				OrderingProvider: rx.Prescriber.ID, Status: rx.Status})
		}
	}
	for _, r := range e.LabOrders {
		lo := r.Current.State
		for _, res := range lo.Results {
			if res.Status != contracts.ResultStatusFinal && res.Status != contracts.ResultStatusCorrected {
				continue
			}
			b.add(BillableItem{Kind: BillableLabTest, RecordID: r.ID, Code: res.Code, Description: res.Name,
				ServiceDate: res.ResultedAt, OrderingProvider: lo.OrderedBy, PerformingProvider: res.Performer,
				Status: res.Status})
		}
	}
	for _, r := range e.ImagingStudies {
		st := r.Current.State
		if st.Status != contracts.StudyStatusPerformed && st.Status != contracts.StudyStatusReported {
			continue
		}
		b.add(BillableItem{Kind: BillableImaging, RecordID: r.ID, Code: st.ProcedureCode,
			Description: st.Modality + " " + st.BodySite, ServiceDate: performedAt(st),
			OrderingProvider: st.OrderedBy, PerformingProvider: st.Technologist, Status: st.Status})
	}
	slices.SortFunc(b.items, func(x, y BillableItem) int { return strings.Compare(x.ID, y.ID) })
	return b.items
}

// billing collects the items of one encounter, giving each a unique id.
type billing struct {
	enc   Encounter
	seen  map[string]int
	items []BillableItem
}

func (b *billing) add(it BillableItem) {
	id := it.Kind + ":" + it.RecordID + ":" + it.Code
	b.seen[id]++
	if n := b.seen[id]; n > 1 {
		id = fmt.Sprintf("%s#%d", id, n)
	}
	it.ID = id
	it.PatientID = b.enc.PatientID
	it.EncounterID = b.enc.ID
	it.Quantity = 1
	it.ServiceDate = it.ServiceDate.UTC()
	b.items = append(b.items, it)
}

// performedAt is when a study was performed. The schema requires it once a
// study is performed; should a source omit it, the order time stands in
// rather than losing the act.
func performedAt(st contracts.ImagingStudyState) time.Time {
	if st.PerformedAt != nil {
		return *st.PerformedAt
	}
	return st.OrderedAt
}
