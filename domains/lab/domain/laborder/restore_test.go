package laborder_test

import (
	"reflect"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestRestoreRoundTripsAndKeepsTheRules(t *testing.T) {
	o := withResult(t, contracts.ResultStatusFinal)
	r, err := laborder.Restore(o.State(), o.Version())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.State(), o.State()) || r.Version() != 2 {
		t.Fatalf("restored %+v v%d, want %+v v2", r.State(), r.Version(), o.State())
	}
	if err := r.RecordResult(potassium(contracts.ResultStatusPreliminary)); err == nil {
		t.Error("a restored final result was overwritten by a preliminary one")
	}
}

func TestStateIsACopy(t *testing.T) {
	o := withResult(t, contracts.ResultStatusFinal)
	s := o.State()
	*s.Results[0].ReferenceRange.Low = 0
	s.Tests[0].Name = "changed"
	got := o.State()
	if *got.Results[0].ReferenceRange.Low != 3.5 || got.Tests[0].Name != "Hemoglobin" {
		t.Errorf("mutating a State() result changed the order: %+v", got)
	}
}

func TestRestoreRejectsACorruptRecord(t *testing.T) {
	good := withResult(t, contracts.ResultStatusFinal).State()
	tests := []struct {
		name    string
		edit    func(*contracts.LabOrderState)
		version int64
	}{
		{"version_zero", func(*contracts.LabOrderState) {}, 0},
		{"no_order_id", func(s *contracts.LabOrderState) { s.OrderID = "" }, 2},
		{"no_tests", func(s *contracts.LabOrderState) { s.Tests = nil }, 2},
		{"a_result_of_a_test_not_ordered", func(s *contracts.LabOrderState) { s.Tests = s.Tests[:1] }, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := good
			tt.edit(&s)
			if _, err := laborder.Restore(s, tt.version); err == nil {
				t.Error("restored a corrupt record")
			}
		})
	}
}
