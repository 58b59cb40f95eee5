package schema

import (
	"context"
	"fmt"
	"sync"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// billableProvenance returns the provenance of the version of the record
// (prescription, lab order or imaging study) of e that item derives from:
// the earliest version of the last run of versions from which
// history.BillableItems derives the item as it is now (introducedBy). ok
// is false when e no longer yields the item (the record changed since).
// It is pure.
func billableProvenance(e history.Encounter, item history.BillableItem) (history.Provenance, bool) {
	switch item.Kind {
	case history.BillableMedication:
		return recordBillable(e, item, e.Prescriptions, func(enc *history.Encounter, r history.Record[contracts.PrescriptionState]) {
			enc.Prescriptions = []history.Record[contracts.PrescriptionState]{r}
		})
	case history.BillableLabTest:
		return recordBillable(e, item, e.LabOrders, func(enc *history.Encounter, r history.Record[contracts.LabOrderState]) {
			enc.LabOrders = []history.Record[contracts.LabOrderState]{r}
		})
	case history.BillableImaging:
		return recordBillable(e, item, e.ImagingStudies, func(enc *history.Encounter, r history.Record[contracts.ImagingStudyState]) {
			enc.ImagingStudies = []history.Record[contracts.ImagingStudyState]{r}
		})
	}
	return history.Provenance{}, false
}

// recordBillable is billableProvenance over the records of one kind; put
// makes an encounter of the one record r.
func recordBillable[T any](e history.Encounter, item history.BillableItem, records []history.Record[T],
	put func(*history.Encounter, history.Record[T])) (history.Provenance, bool) {
	for _, r := range records {
		if r.ID != item.RecordID {
			continue
		}
		find := func(state T) (history.BillableItem, bool) {
			one := history.Encounter{ID: e.ID, PatientID: e.PatientID}
			put(&one, history.Record[T]{ID: r.ID, Current: history.Version[T]{State: state}})
			for _, it := range history.BillableItems(one) {
				if it.ID == item.ID {
					return it, true
				}
			}
			return history.BillableItem{}, false
		}
		want, ok := find(r.Current.State)
		if !ok {
			return history.Provenance{}, false
		}
		return introducedBy(r.Superseded, r.Current, find, want)
	}
	return history.Provenance{}, false
}

// billableNode is what the BillableItem type resolves from: the item and
// the loader of its page's encounters.
type billableNode struct {
	history.BillableItem
	encounters *encounterByID
}

// billableNodes wraps the items of one page, sharing one loader.
func billableNodes(items []history.BillableItem) []billableNode {
	l := &encounterByID{}
	out := make([]billableNode, len(items))
	for i, it := range items {
		l.ids = append(l.ids, it.EncounterID)
		out[i] = billableNode{BillableItem: it, encounters: l}
	}
	return out
}

// encounterByID loads the encounters of one page of billable items in one
// store call (Reader.Load), the first time one item's provenance is asked
// for. It is safe for concurrent use.
type encounterByID struct {
	ids []string

	once       sync.Once
	encounters map[string]history.Encounter
	err        error
}

func (l *encounterByID) get(ctx context.Context, r Reader, id string) (history.Encounter, bool, error) {
	l.once.Do(func() {
		_, l.encounters, l.err = r.Load(ctx, nil, dedupe(l.ids))
	})
	if l.err != nil {
		return history.Encounter{}, false, storeError(fmt.Sprintf("load the encounters of %d billable items", len(l.ids)), l.err)
	}
	e, ok := l.encounters[id]
	return e, ok, nil
}

// dedupe returns ids without repetitions, in order of first appearance.
func dedupe(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
