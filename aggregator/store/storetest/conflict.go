package storetest

import (
	"errors"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

func conflictTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"second_of_two_writers_from_one_revision_gets_a_conflict_and_nothing_is_lost", testStaleRevision[S]},
		{"new_document_that_already_exists_is_a_conflict", testNewExists[S]},
		{"conflicting_batch_writes_no_audit_dead_letters_or_freshness", testConflictWritesNoMarkers[S]},
	}
}

func testStaleRevision[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{
		Patients:   []history.Patient{patient("P-1", "Maria Oliveira", "1985-07-10", "E-1")},
		Encounters: []history.Encounter{encounter("E-1", "P-1", at(0))},
	})
	a, b := loadEncounter(t, s, "E-1"), loadEncounter(t, s, "E-1")
	if a.Revision != 1 || b.Revision != 1 {
		t.Fatalf("loaded revisions %d and %d, want 1", a.Revision, b.Revision)
	}

	a.Prescriptions = append(a.Prescriptions, prescription("P-1", "E-1"))
	mustCommit(t, s, store.Batch{Encounters: []history.Encounter{a}})
	b.LabOrders = append(b.LabOrders, labOrder("P-1", "E-1"))
	err := s.Commit(ctx(t), store.Batch{Encounters: []history.Encounter{b}})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second commit from revision 1: error = %v, want store.ErrConflict", err)
	}

	// The shell reloads, re-applies and commits again: both changes stay.
	c := loadEncounter(t, s, "E-1")
	if c.Revision != 2 || len(c.Prescriptions) != 1 || len(c.LabOrders) != 0 {
		t.Fatalf("after the conflict: revision %d, %d prescriptions, %d lab orders; want 2, 1, 0",
			c.Revision, len(c.Prescriptions), len(c.LabOrders))
	}
	c.LabOrders = append(c.LabOrders, labOrder("P-1", "E-1"))
	mustCommit(t, s, store.Batch{Encounters: []history.Encounter{c}})
	want := c
	want.Revision = 3
	assertEqual(t, "encounter after retry", result(s.Encounter(ctx(t), "E-1")).must(t), want)
}

func testNewExists[S Store[S]](t *testing.T, s S) {
	first := patient("P-1", "Maria Oliveira", "1985-07-10")
	mustCommit(t, s, store.Batch{Patients: []history.Patient{first}})
	err := s.Commit(ctx(t), store.Batch{Patients: []history.Patient{patient("P-1", "Someone Else", "1990-01-01")}})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("committing patient P-1 as new twice: error = %v, want store.ErrConflict", err)
	}
	mustCommit(t, s, store.Batch{Encounters: []history.Encounter{encounter("E-1", "P-1", at(0))}})
	err = s.Commit(ctx(t), store.Batch{Encounters: []history.Encounter{encounter("E-1", "P-1", at(5))}})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("committing encounter E-1 as new twice: error = %v, want store.ErrConflict", err)
	}
	first.Revision = 1
	assertEqual(t, "patient kept", result(s.Patient(ctx(t), "P-1")).must(t), first)
	if got := result(s.Encounter(ctx(t), "E-1")).must(t); !got.SortTime.Equal(at(0)) {
		t.Fatalf("encounter sort time = %v, want the first writer's %v", got.SortTime, at(0))
	}
}

func testConflictWritesNoMarkers[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{Encounters: []history.Encounter{encounter("E-1", "P-1", at(0))}})
	entry := audit("P-1", contracts.SourceLab, 1, at(1))
	err := s.Commit(ctx(t), store.Batch{
		Encounters:  []history.Encounter{encounter("E-1", "P-1", at(0))}, // stale: revision 0
		Audit:       []history.AuditEntry{entry},
		DeadLetters: []history.DeadLetter{deadLetter(contracts.SourceLab, 0, 7)},
		Freshness:   []history.SourceFreshness{{Source: contracts.SourceLab, NewestEventTime: at(1), Offsets: map[string]int64{"0": 7}}},
	})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("commit of a stale encounter: error = %v, want store.ErrConflict", err)
	}
	if applied := result(s.EventApplied(ctx(t), entry.Provenance.EventID)).must(t); applied {
		t.Errorf("event of a conflicting batch reported applied")
	}
	if fresh := result(s.Freshness(ctx(t))).must(t); len(fresh) != 0 {
		t.Errorf("freshness after a conflicting batch = %+v, want none", fresh)
	}
}
