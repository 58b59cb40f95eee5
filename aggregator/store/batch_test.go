package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

func TestValidateReportsEveryProblem(t *testing.T) {
	b := store.Batch{
		Patients:    []history.Patient{{ID: "P-1"}, {ID: "P-1"}, {Revision: 1}},
		Encounters:  []history.Encounter{{ID: "E-1"}, {ID: "E-2", PatientID: "P-1", Revision: -1}},
		Billable:    map[string][]history.BillableItem{"E-1": {{ID: "B-1", EncounterID: "E-9"}, {EncounterID: "E-1"}}},
		Audit:       []history.AuditEntry{{PatientID: "P-1"}},
		DeadLetters: []history.DeadLetter{{}},
		Freshness:   []history.SourceFreshness{{}},
	}
	err := b.Validate()
	if !errors.Is(err, store.ErrInvalidWrite) {
		t.Fatalf("error %v, want store.ErrInvalidWrite", err)
	}
	for _, want := range []string{
		"patient P-1 appears twice", "patient 2 has no id", "encounter E-1 has no patient id",
		"negative revision -1", "filed under encounter E-1", "has no id", "audit entry 0",
		"dead letter \"\" has no id and topic", "freshness 0 has no source",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
}

func TestEmptyBatchIsValid(t *testing.T) {
	var b store.Batch
	if !b.Empty() || b.Validate() != nil {
		t.Errorf("zero batch: Empty %v, Validate %v; want true, nil", b.Empty(), b.Validate())
	}
	b.Billable = map[string][]history.BillableItem{"E-1": nil}
	if b.Empty() || b.Validate() != nil {
		t.Errorf("batch emptying one encounter's billable items: Empty %v, Validate %v; want false, nil", b.Empty(), b.Validate())
	}
}
