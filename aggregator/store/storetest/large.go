package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

func largeTests[S Store[S]](o options) []test[S] {
	return []test[S]{
		{"a_patient_with_10000_records_pages_its_encounters_and_reads_one_encounter_alone", func(t *testing.T, s S) {
			if !o.largeHistories {
				t.Skip("10,000 records are too many for this backend (FerretDB scans a whole collection per lookup); " +
					"set PRONTUARIO_TEST_MONGODB_URI to run this test on MongoDB")
			}
			testLargeHistory(t, s)
		}},
		{"a_document_over_16_MB_is_refused_before_anything_is_written", testDocumentTooLarge[S]},
	}
}

// Shape of the large history: 200 visits of 50 lab orders each.
const (
	largeEncounters  = 200
	recordsPerVisit  = 50
	largeHistoryPage = history.MaxPageSize
)

// testLargeHistory stores one patient with 10,000 records over 200
// encounters, then pages the encounters newest first and reads single
// encounters: each read returns exactly its own document, with its own 50
// records and no other encounter's, and the patient document holds only
// encounter ids.
func testLargeHistory[S Store[S]](t *testing.T, s S) {
	const pid = "P-LARGE"
	var all []history.Encounter
	for i := range largeEncounters {
		e := encounter(fmt.Sprintf("E-%03d", i), pid, at(i*24*60))
		for j := range recordsPerVisit {
			r := labOrder(pid, e.ID)
			r.ID = fmt.Sprintf("LO-%s-%02d", e.ID, j)
			r.Current.State.OrderID = r.ID
			e.LabOrders = append(e.LabOrders, r)
		}
		all = append(all, e)
	}
	ids := make([]string, len(all))
	for i, e := range all {
		ids[i] = e.ID
	}
	p := patient(pid, "Maria Longa Historia", "1950-01-01", ids...)
	for chunk := range slices.Chunk(all, 50) {
		mustCommit(t, s, store.Batch{Encounters: chunk})
	}
	mustCommit(t, s, store.Batch{Patients: []history.Patient{p}})

	newestFirst := slices.Clone(ids)
	slices.Reverse(newestFirst) // sort times grow with the index
	id := func(e history.Encounter) string { return e.ID }
	walk(t, largeHistoryPage, newestFirst, id, func(after *history.Encounter) (history.Page[history.Encounter], error) {
		q := history.EncounterQuery{PatientID: pid, Limit: largeHistoryPage}
		if after != nil {
			q.After = &history.EncounterKey{SortTime: after.SortTime, ID: after.ID}
		}
		return s.Encounters(ctx(t), q)
	})

	for _, i := range []int{0, largeEncounters / 2, largeEncounters - 1} {
		want := all[i]
		want.Revision = 1
		got := result(s.Encounter(ctx(t), want.ID)).must(t)
		assertEqual(t, "encounter "+want.ID, got, want)
		for _, r := range got.LabOrders {
			if !strings.HasPrefix(r.ID, "LO-"+want.ID+"-") {
				t.Fatalf("encounter %s holds record %s of another encounter", want.ID, r.ID)
			}
		}
		_, loaded, err := s.Load(ctx(t), nil, []string{want.ID})
		if err != nil || len(loaded) != 1 {
			t.Fatalf("Load of encounter %s returned %d documents (err %v), want 1", want.ID, len(loaded), err)
		}
	}
	stored := result(s.Patient(ctx(t), pid)).must(t)
	if len(stored.EncounterIDs) != largeEncounters {
		t.Errorf("patient lists %d encounters, want %d", len(stored.EncounterIDs), largeEncounters)
	}
}

// testDocumentTooLarge commits an encounter that encodes to more than
// store.MaxDocumentBytes, with other documents: Commit fails with
// ErrDocumentTooLarge and ErrInvalidWrite, and writes none of them. The
// document is refused before it is sent, so this is cheap on every backend.
func testDocumentTooLarge[S Store[S]](t *testing.T, s S) {
	big := encounter("E-BIG", "P-1", at(0))
	r := labOrder("P-1", "E-BIG")
	r.Current.State.Results[0].Corrections[0].Reason = strings.Repeat("x", store.MaxDocumentBytes)
	big.LabOrders = []history.Record[contracts.LabOrderState]{r}
	small := encounter("E-SMALL", "P-1", at(0))
	err := s.Commit(ctx(t), store.Batch{
		Encounters: []history.Encounter{small, big},
		Audit:      []history.AuditEntry{audit("P-1", contracts.SourceLab, 1, at(0))},
	})
	if !errors.Is(err, store.ErrDocumentTooLarge) || !errors.Is(err, store.ErrInvalidWrite) {
		t.Fatalf("commit of a %d MiB encounter: %v, want store.ErrDocumentTooLarge and store.ErrInvalidWrite", store.MaxDocumentBytes>>20, err)
	}
	if _, err := s.Encounter(ctx(t), "E-SMALL"); !errors.Is(err, history.ErrNotFound) {
		t.Errorf("the refused commit wrote encounter E-SMALL (err %v)", err)
	}
	if applied := result(s.EventApplied(ctx(t), audit("P-1", contracts.SourceLab, 1, at(0)).Provenance.EventID)).must(t); applied {
		t.Error("the refused commit wrote its audit entry")
	}
}
