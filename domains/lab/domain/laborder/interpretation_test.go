package laborder_test

import (
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestInterpret(t *testing.T) {
	both := contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}
	tests := []struct {
		name  string
		value float64
		rr    contracts.ReferenceRange
		want  string
	}{
		{"below_the_low_bound_is_low", 3.4, both, "L"},
		{"on_the_low_bound_is_normal", 3.5, both, "N"},
		{"within_is_normal", 4.2, both, "N"},
		{"on_the_high_bound_is_normal", 5.1, both, "N"},
		{"above_the_high_bound_is_high", 5.2, both, "H"},
		{"above_an_open_ended_low_only_range_is_normal", 900, contracts.ReferenceRange{Low: ptr(60)}, "N"},
		{"below_a_high_only_range_is_normal", 0, contracts.ReferenceRange{High: ptr(0.04)}, "N"},
		{"above_a_high_only_range_is_high", 0.5, contracts.ReferenceRange{High: ptr(0.04)}, "H"},
		{"without_a_range_is_unknown", 4.2, contracts.ReferenceRange{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := laborder.Interpret(tt.value, tt.rr); got != tt.want {
				t.Errorf("Interpret(%g, %+v) = %q, want %q", tt.value, tt.rr, got, tt.want)
			}
		})
	}
}

func TestRecordResultInterpretation(t *testing.T) {
	tests := []struct {
		name  string
		value float64
		rr    contracts.ReferenceRange
		given string
		want  string
	}{
		{"computed_low_when_not_given", 2.9, contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}, "", "L"},
		{"computed_high_when_not_given", 6.5, contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}, "", "H"},
		{"computed_normal_when_not_given", 4.2, contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}, "", "N"},
		{"critically_high_agrees_with_high", 6.5, contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}, "HH", "HH"},
		{"abnormal_agrees_with_low", 2.9, contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}, "A", "A"},
		{"kept_as_given_without_a_range", 4.2, contracts.ReferenceRange{}, "A", "A"},
		{"left_empty_without_a_range", 4.2, contracts.ReferenceRange{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := placed(t)
			req := potassium(contracts.ResultStatusFinal)
			req.Value, req.ReferenceRange, req.Interpretation = ptr(tt.value), tt.rr, tt.given
			if err := o.RecordResult(req); err != nil {
				t.Fatal(err)
			}
			if got := o.State().Results[0].Interpretation; got != tt.want {
				t.Errorf("interpretation %q, want %q", got, tt.want)
			}
		})
	}
}
