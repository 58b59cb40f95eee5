package laborder_test

import (
	"errors"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestRecordResultSetsTheResultWithTheTestNameAndBumpsTheVersion(t *testing.T) {
	o := withResult(t, contracts.ResultStatusPreliminary)
	want := []contracts.LabResult{{
		Code: "2823-3", Name: "Potassium", Value: 4.2, Unit: "mmol/L",
		ReferenceRange: contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)},
		Interpretation: "N", Status: contracts.ResultStatusPreliminary,
		Performer: "LAB-7", ResultedAt: orderedAt.Add(time.Hour),
	}}
	if got := o.State().Results; !reflect.DeepEqual(got, want) {
		t.Errorf("results\n got %+v\nwant %+v", got, want)
	}
	if o.Version() != 2 {
		t.Errorf("version %d, want 2", o.Version())
	}
}

func TestResultsFollowTheOrderOfTheTests(t *testing.T) {
	o := withResult(t, contracts.ResultStatusFinal)
	hb := potassium(contracts.ResultStatusFinal)
	hb.Code, hb.Value, hb.Unit, hb.ReferenceRange = "718-7", ptr(13.5), "g/dL", contracts.ReferenceRange{Low: ptr(12), High: ptr(16)}
	if err := o.RecordResult(hb); err != nil {
		t.Fatal(err)
	}
	rs := o.State().Results
	if len(rs) != 2 || rs[0].Code != "718-7" || rs[1].Code != "2823-3" || rs[0].Name != "Hemoglobin" {
		t.Errorf("results %+v, want hemoglobin then potassium", rs)
	}
	if o.Version() != 3 {
		t.Errorf("version %d, want 3", o.Version())
	}
}

func TestAPreliminaryResultIsReplacedByALaterOne(t *testing.T) {
	for _, next := range []string{contracts.ResultStatusPreliminary, contracts.ResultStatusFinal} {
		t.Run(next, func(t *testing.T) {
			o := withResult(t, contracts.ResultStatusPreliminary)
			req := potassium(next)
			req.Value = ptr(5.8)
			if err := o.RecordResult(req); err != nil {
				t.Fatal(err)
			}
			rs := o.State().Results
			if len(rs) != 1 || rs[0].Value != 5.8 || rs[0].Status != next || rs[0].Interpretation != "H" {
				t.Errorf("results %+v, want one %s result of 5.8 (H)", rs, next)
			}
		})
	}
}

func TestAFinalResultIsNeverReplaced(t *testing.T) {
	for _, next := range []string{contracts.ResultStatusPreliminary, contracts.ResultStatusFinal} {
		t.Run(next+"_over_final_is_a_conflict", func(t *testing.T) {
			o := withResult(t, contracts.ResultStatusFinal)
			before := o.State()
			req := potassium(next)
			req.Value = ptr(5.8)
			err := o.RecordResult(req)
			if !errors.Is(err, laborder.ErrResultFinal) || !errors.Is(err, laborder.ErrConflict) {
				t.Fatalf("got %v, want ErrResultFinal (a conflict)", err)
			}
			if !reflect.DeepEqual(o.State(), before) || o.Version() != 2 {
				t.Errorf("a refused result changed the order")
			}
		})
	}
}

func TestRecordResultRejects(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*laborder.ResultRequest)
		field string
		cause error
	}{
		{name: "a_test_that_was_not_ordered", edit: func(r *laborder.ResultRequest) { r.Code = "2345-7" }, field: "code", cause: laborder.ErrTestNotOrdered},
		{name: "a_missing_code", edit: func(r *laborder.ResultRequest) { r.Code = "" }, field: "code"},
		{name: "a_missing_value", edit: func(r *laborder.ResultRequest) { r.Value = nil }, field: "value"},
		{name: "a_value_that_is_not_a_number", edit: func(r *laborder.ResultRequest) { r.Value = ptr(math.NaN()) }, field: "value"},
		{name: "an_infinite_value", edit: func(r *laborder.ResultRequest) { r.Value = ptr(math.Inf(1)) }, field: "value"},
		{name: "a_missing_unit", edit: func(r *laborder.ResultRequest) { r.Unit = "" }, field: "unit"},
		{name: "a_range_low_above_high", edit: func(r *laborder.ResultRequest) { r.ReferenceRange.Low = ptr(6) }, field: "referenceRange"},
		{name: "an_infinite_range_bound", edit: func(r *laborder.ResultRequest) { r.ReferenceRange.High = ptr(math.Inf(1)) }, field: "referenceRange.high"},
		{name: "an_unknown_interpretation", edit: func(r *laborder.ResultRequest) { r.Interpretation = "normal" }, field: "interpretation"},
		{name: "high_for_a_value_within_the_range", edit: func(r *laborder.ResultRequest) { r.Interpretation = "H" }, field: "interpretation"},
		{name: "normal_for_a_value_above_the_range", edit: func(r *laborder.ResultRequest) { r.Value, r.Interpretation = ptr(6.1), "N" }, field: "interpretation"},
		{name: "low_for_a_value_above_the_range", edit: func(r *laborder.ResultRequest) { r.Value, r.Interpretation = ptr(6.1), "LL" }, field: "interpretation"},
		{name: "a_missing_status", edit: func(r *laborder.ResultRequest) { r.Status = "" }, field: "status"},
		{name: "the_corrected_status", edit: func(r *laborder.ResultRequest) { r.Status = contracts.ResultStatusCorrected }, field: "status"},
		{name: "a_missing_performer", edit: func(r *laborder.ResultRequest) { r.Performer = "" }, field: "performer"},
		{name: "a_missing_time", edit: func(r *laborder.ResultRequest) { r.ResultedAt = time.Time{} }, field: "resultedAt"},
		{name: "a_result_before_the_order", edit: func(r *laborder.ResultRequest) { r.ResultedAt = orderedAt.Add(-time.Second) }, field: "resultedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := placed(t)
			req := potassium(contracts.ResultStatusFinal)
			tt.edit(&req)
			wantFieldError(t, o.RecordResult(req), tt.field, tt.cause)
			if len(o.State().Results) != 0 || o.Version() != 1 {
				t.Errorf("a rejected result changed the order: %+v", o.State().Results)
			}
		})
	}
}
