package prescription_test

import (
	"reflect"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func TestRestoreRoundTripsAndKeepsTheRules(t *testing.T) {
	p := issued(t)
	r, err := prescription.Restore(p.State(), p.Version())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.State(), p.State()) || r.Version() != 1 {
		t.Fatalf("restored %+v v%d, want %+v v1", r.State(), r.Version(), p.State())
	}
	if err := r.Cancel(validCancel()); err != nil || r.Version() != 2 {
		t.Errorf("cancel of a restored prescription: %v, version %d", err, r.Version())
	}
}

func TestRestoreRejectsACorruptRecord(t *testing.T) {
	good := issued(t).State()
	tests := []struct {
		name    string
		edit    func(*contracts.PrescriptionState)
		version int64
	}{
		{"version_zero", func(*contracts.PrescriptionState) {}, 0},
		{"no_id", func(s *contracts.PrescriptionState) { s.PrescriptionID = "" }, 1},
		{"no_items", func(s *contracts.PrescriptionState) { s.Items = nil }, 1},
		{"cancelled_without_a_cancellation", func(s *contracts.PrescriptionState) { s.Status = contracts.PrescriptionStatusCancelled }, 2},
		{"an_unknown_status", func(s *contracts.PrescriptionState) { s.Status = "paused" }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := good
			s.Items = append([]contracts.PrescriptionItem(nil), good.Items...)
			tt.edit(&s)
			if _, err := prescription.Restore(s, tt.version); err == nil {
				t.Error("restored a corrupt record")
			}
		})
	}
}
