package storetest

import (
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

func insertOnceTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"audit_entries_are_stored_once_per_event", testAuditOnce[S]},
		{"dead_letters_are_stored_once_per_message", testDeadLettersOnce[S]},
		{"billable_items_are_replaced_per_encounter", testBillableReplaced[S]},
	}
}

func testAuditOnce[S Store[S]](t *testing.T, s S) {
	first, second := audit("P-1", contracts.SourceLab, 1, at(1)), audit("P-1", contracts.SourceLab, 2, at(2))
	mustCommit(t, s, store.Batch{Audit: []history.AuditEntry{first}})
	// A redelivery of the first event arrives with a new one; the copy
	// carries a later IngestedAt, which must not replace the stored entry.
	again := first
	again.Provenance.IngestedAt = at(60)
	mustCommit(t, s, store.Batch{Audit: []history.AuditEntry{again, second, second}})

	page := result(s.AuditTrail(ctx(t), history.AuditQuery{PatientID: "P-1", Limit: 10})).must(t)
	assertEqual(t, "audit trail", page, history.Page[history.AuditEntry]{Items: []history.AuditEntry{first, second}, Total: 2})
	for _, id := range []string{first.Provenance.EventID, second.Provenance.EventID} {
		if !result(s.EventApplied(ctx(t), id)).must(t) {
			t.Errorf("EventApplied(%s) = false after its audit entry was committed", id)
		}
	}
	if result(s.EventApplied(ctx(t), "01900000-0000-7000-8000-999999999999")).must(t) {
		t.Errorf("EventApplied of an unknown event = true")
	}
}

func testDeadLettersOnce[S Store[S]](t *testing.T, s S) {
	a, b := deadLetter(contracts.SourceLab, 0, 7), deadLetter(contracts.SourceLab, 1, 7)
	unknownTopic := history.DeadLetter{ID: "rogue.topic/0/1", Topic: "rogue.topic", Offset: 1, Kind: "schema", Reason: "unknown topic", At: at(3)}
	mustCommit(t, s, store.Batch{DeadLetters: []history.DeadLetter{a, unknownTopic}})
	mustCommit(t, s, store.Batch{DeadLetters: []history.DeadLetter{a, b, b}})

	fresh := result(s.Freshness(ctx(t))).must(t)
	if len(fresh) != 1 || fresh[0].Source != contracts.SourceLab || fresh[0].DeadLettered != 2 {
		t.Fatalf("freshness = %+v, want only %s with 2 dead letters", fresh, contracts.SourceLab)
	}
}

func testBillableReplaced[S Store[S]](t *testing.T, s S) {
	keep, drop := billable("LAB_TEST:LO-1:718-7", "E-1", at(10)), billable("LAB_TEST:LO-1:2823-3", "E-1", at(11))
	other := billable("LAB_TEST:LO-2:718-7", "E-2", at(12))
	mustCommit(t, s, store.Batch{Billable: map[string][]history.BillableItem{"E-1": {keep, drop}, "E-2": {other}}})

	changed := keep
	changed.Status = contracts.ResultStatusCorrected
	added := billable("IMAGING_STUDY:IS-1:71250", "E-1", at(13))
	mustCommit(t, s, store.Batch{Billable: map[string][]history.BillableItem{"E-1": {changed, added}}})

	page := result(s.BillableItems(ctx(t), history.BillableQuery{Limit: 10})).must(t)
	want := []history.BillableItem{changed, other, added}
	assertEqual(t, "billable items", page, history.Page[history.BillableItem]{Items: want, Total: 3})

	mustCommit(t, s, store.Batch{Billable: map[string][]history.BillableItem{"E-1": {}}})
	page = result(s.BillableItems(ctx(t), history.BillableQuery{Limit: 10})).must(t)
	assertEqual(t, "billable items after emptying E-1", page, history.Page[history.BillableItem]{Items: []history.BillableItem{other}, Total: 1})
}
