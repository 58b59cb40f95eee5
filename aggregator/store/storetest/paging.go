package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

func pagingTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"encounters_page_newest_first_without_gaps_or_duplicates", testEncounterPages[S]},
		{"patients_page_by_id", testPatientPages[S]},
		{"billable_items_page_by_service_date_within_the_billing_period", testBillablePages[S]},
		{"audit_trail_pages_in_order_of_occurrence", testAuditPages[S]},
		{"access_log_pages_oldest_first_and_filters_by_patient", testAccessPages[S]},
	}
}

func testEncounterPages[S Store[S]](t *testing.T, s S) {
	var all []history.Encounter
	for i := range 23 { // three encounters share each sort time
		all = append(all, encounter(fmt.Sprintf("E-%02d", i), "P-1", at(i/3)))
	}
	noise := []history.Encounter{encounter("E-90", "P-2", at(1)), encounter("E-91", "P-2", at(30))}
	mustCommit(t, s, store.Batch{Encounters: append(slices.Clone(all), noise...)})

	newestFirst := slices.Clone(all)
	slices.SortFunc(newestFirst, func(a, b history.Encounter) int {
		if c := b.SortTime.Compare(a.SortTime); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	id := func(e history.Encounter) string { return e.ID }
	walk(t, 5, ids(newestFirst, id), id, func(after *history.Encounter) (history.Page[history.Encounter], error) {
		q := history.EncounterQuery{PatientID: "P-1", Limit: 5}
		if after != nil {
			q.After = &history.EncounterKey{SortTime: after.SortTime, ID: after.ID}
		}
		return s.Encounters(ctx(t), q)
	})

	// From is inclusive, To exclusive: sort times at(2), at(3), at(4).
	inPeriod := slices.DeleteFunc(slices.Clone(newestFirst), func(e history.Encounter) bool {
		return e.SortTime.Before(at(2)) || !e.SortTime.Before(at(5))
	})
	walk(t, 4, ids(inPeriod, id), id, func(after *history.Encounter) (history.Page[history.Encounter], error) {
		q := history.EncounterQuery{PatientID: "P-1", From: at(2), To: at(5), Limit: 4}
		if after != nil {
			q.After = &history.EncounterKey{SortTime: after.SortTime, ID: after.ID}
		}
		return s.Encounters(ctx(t), q)
	})
	walk(t, 3, nil, id, func(*history.Encounter) (history.Page[history.Encounter], error) {
		return s.Encounters(ctx(t), history.EncounterQuery{PatientID: "P-404", Limit: 3})
	})
}

func testPatientPages[S Store[S]](t *testing.T, s S) {
	var all []history.Patient
	for i := range 12 {
		all = append(all, patient(fmt.Sprintf("P-%02d", 12-i), fmt.Sprintf("Patient Number%d", i), "1980-01-01"))
	}
	mustCommit(t, s, store.Batch{Patients: all})
	slices.SortFunc(all, func(a, b history.Patient) int { return strings.Compare(a.ID, b.ID) })
	id := func(p history.Patient) string { return p.ID }
	walk(t, 5, ids(all, id), id, func(after *history.Patient) (history.Page[history.Patient], error) {
		q := history.PatientQuery{Limit: 5}
		if after != nil {
			q.AfterID = after.ID
		}
		return s.Patients(ctx(t), q)
	})
}

func testBillablePages[S Store[S]](t *testing.T, s S) {
	items := map[string][]history.BillableItem{}
	var all []history.BillableItem
	for i := range 17 { // two items share each service date
		it := billable(fmt.Sprintf("LAB_TEST:LO-%02d:718-7", 16-i), fmt.Sprintf("E-%d", i%3), at(10*(i/2)))
		items[it.EncounterID] = append(items[it.EncounterID], it)
		all = append(all, it)
	}
	mustCommit(t, s, store.Batch{Billable: items})
	slices.SortFunc(all, func(a, b history.BillableItem) int {
		if c := a.ServiceDate.Compare(b.ServiceDate); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	from, to := at(20), at(60) // service dates at(20) .. at(50)
	inPeriod := slices.DeleteFunc(slices.Clone(all), func(it history.BillableItem) bool {
		return it.ServiceDate.Before(from) || !it.ServiceDate.Before(to)
	})
	id := func(it history.BillableItem) string { return it.ID }
	for _, period := range []struct {
		from, to int
		want     []history.BillableItem
	}{{-1, -1, all}, {20, 60, inPeriod}} {
		q := history.BillableQuery{Limit: 3}
		if period.from >= 0 {
			q.From, q.To = at(period.from), at(period.to)
		}
		walk(t, 3, ids(period.want, id), id, func(after *history.BillableItem) (history.Page[history.BillableItem], error) {
			if after != nil {
				q.After = &history.BillableKey{ServiceDate: after.ServiceDate, ID: after.ID}
			}
			return s.BillableItems(ctx(t), q)
		})
	}
}

func testAuditPages[S Store[S]](t *testing.T, s S) {
	var all []history.AuditEntry
	for i := range 11 { // two entries share each occurrence time; ids go down
		all = append(all, audit("P-1", contracts.SourceLab, 50-i, at(i/2)))
	}
	noise := audit("P-2", contracts.SourceLab, 90, at(1))
	mustCommit(t, s, store.Batch{Audit: append(slices.Clone(all), noise)})
	slices.SortFunc(all, func(a, b history.AuditEntry) int {
		if c := a.Provenance.OccurredAt.Compare(b.Provenance.OccurredAt); c != 0 {
			return c
		}
		return strings.Compare(a.Provenance.EventID, b.Provenance.EventID)
	})
	id := func(a history.AuditEntry) string { return a.Provenance.EventID }
	walk(t, 4, ids(all, id), id, func(after *history.AuditEntry) (history.Page[history.AuditEntry], error) {
		q := history.AuditQuery{PatientID: "P-1", Limit: 4}
		if after != nil {
			q.After = &history.AuditKey{OccurredAt: after.Provenance.OccurredAt, EventID: after.Provenance.EventID}
		}
		return s.AuditTrail(ctx(t), q)
	})
}

func testAccessPages[S Store[S]](t *testing.T, s S) {
	var all, ofP1 []history.AccessEntry
	for i := range 9 {
		e := access(i, fmt.Sprintf("P-%d", i%2))
		if err := s.AppendAccess(ctx(t), e); err != nil {
			t.Fatalf("append access %d: %v", i, err)
		}
		all = append(all, e)
		if e.PatientID == "P-1" {
			ofP1 = append(ofP1, e)
		}
	}
	if err := s.AppendAccess(ctx(t), all[0]); err != nil { // a retried append
		t.Fatalf("append access 0 again: %v", err)
	}
	id := func(e history.AccessEntry) string { return e.ID }
	for _, patientID := range []string{"", "P-1"} {
		want := all
		if patientID != "" {
			want = ofP1
		}
		walk(t, 4, ids(want, id), id, func(after *history.AccessEntry) (history.Page[history.AccessEntry], error) {
			q := history.AccessQuery{PatientID: patientID, Limit: 4}
			if after != nil {
				q.AfterID = after.ID
			}
			return s.AccessLog(ctx(t), q)
		})
	}
	page := result(s.AccessLog(ctx(t), history.AccessQuery{Limit: 1})).must(t)
	assertEqual(t, "first access entry", page.Items, all[:1])
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}
