package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

// BatchStore is what RunBatch exercises besides a Store: the batch reads
// and writes of the GraphQL API.
type BatchStore[S any] interface {
	Store[S]
	EncountersOfPatients(ctx context.Context, qs []history.EncounterQuery) ([]history.Page[history.Encounter], error)
	AppendAccessBatch(ctx context.Context, es []history.AccessEntry) error
}

// RunBatch runs the contract tests of the batch methods; open is as for Run.
func RunBatch[S BatchStore[S]](t *testing.T, open func(t testing.TB) S) {
	tests := []struct {
		name string
		run  func(t *testing.T, s S)
	}{
		{"encounters_of_patients_answers_each_query_as_encounters_does", testEncountersOfPatients[S]},
		{"access_batch_stores_every_entry_once", testAccessBatch[S]},
		{"access_batch_with_an_invalid_entry_stores_none", testAccessBatchInvalid[S]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.run(t, open(t))
		})
	}
}

func testEncountersOfPatients[S BatchStore[S]](t *testing.T, s S) {
	var all []history.Encounter
	for p := range 3 {
		for i := range 4 {
			all = append(all, encounter(fmt.Sprintf("E-%d%d", p, i), fmt.Sprintf("P-%d", p), at(p*10+i)))
		}
	}
	mustCommit(t, s, store.Batch{Encounters: all})
	qs := []history.EncounterQuery{
		{PatientID: "P-0", Limit: 2},
		{PatientID: "P-1", Limit: 10, From: at(11), To: at(13)},
		{PatientID: "P-404", Limit: 3},
		{PatientID: "P-2", Limit: 2, After: &history.EncounterKey{SortTime: at(23), ID: "E-23"}},
	}
	got := result(s.EncountersOfPatients(ctx(t), qs)).must(t)
	if len(got) != len(qs) {
		t.Fatalf("%d pages for %d queries", len(got), len(qs))
	}
	for i, q := range qs {
		want := result(s.Encounters(ctx(t), q)).must(t)
		assertEqual(t, fmt.Sprintf("page %d (%s)", i, q.PatientID), got[i], want)
	}
	if got[0].Total != 4 || len(got[0].Items) != 2 || !got[0].HasNext || got[2].Total != 0 || len(got[3].Items) != 2 {
		t.Errorf("pages %+v do not have the expected shape", got)
	}
	if empty := result(s.EncountersOfPatients(ctx(t), nil)).must(t); len(empty) != 0 {
		t.Errorf("%d pages for no query", len(empty))
	}
	if _, err := s.EncountersOfPatients(ctx(t), []history.EncounterQuery{{PatientID: "P-0", Limit: 0}}); err == nil {
		t.Error("a query of limit 0 was accepted")
	}
}

func testAccessBatch[S BatchStore[S]](t *testing.T, s S) {
	es := []history.AccessEntry{access(1, "P-1"), access(2, "P-2"), access(3, "")}
	if err := s.AppendAccessBatch(ctx(t), es); err != nil {
		t.Fatal(err)
	}
	// A retry of the same batch, with one more entry, stores that one only.
	if err := s.AppendAccessBatch(ctx(t), append(es, access(4, "P-1"))); err != nil {
		t.Fatal(err)
	}
	page := result(s.AccessLog(ctx(t), history.AccessQuery{Limit: 10})).must(t)
	assertEqual(t, "access log", page.Items, append(es, access(4, "P-1")))
	if err := s.AppendAccessBatch(ctx(t), nil); err != nil {
		t.Errorf("empty batch: %v", err)
	}
}

func testAccessBatchInvalid[S BatchStore[S]](t *testing.T, s S) {
	bad := access(2, "P-1")
	bad.Subject = ""
	if err := s.AppendAccessBatch(ctx(t), []history.AccessEntry{access(1, "P-1"), bad}); err == nil {
		t.Fatal("a batch with an entry without subject was accepted")
	}
	if page := result(s.AccessLog(ctx(t), history.AccessQuery{Limit: 10})).must(t); len(page.Items) != 0 {
		t.Errorf("%d entries stored from a rejected batch", len(page.Items))
	}
}
