package laborder_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func validCorrection() laborder.CorrectionRequest {
	return laborder.CorrectionRequest{
		Value: ptr(5.9), Unit: "mmol/L", Reason: "Transcription error",
		CorrectedBy: "LAB-9", CorrectedAt: orderedAt.Add(2 * time.Hour),
	}
}

func TestCorrectResultKeepsThePreviousValue(t *testing.T) {
	o := withResult(t, contracts.ResultStatusFinal)
	if err := o.CorrectResult("2823-3", validCorrection()); err != nil {
		t.Fatal(err)
	}
	second := validCorrection()
	second.Value, second.Reason, second.CorrectedAt = ptr(4.4), "Hemolyzed sample; redrawn", second.CorrectedAt.Add(time.Hour)
	if err := o.CorrectResult("2823-3", second); err != nil {
		t.Fatal(err)
	}
	r := o.State().Results[0]
	want := []contracts.LabCorrection{
		{PreviousValue: 4.2, PreviousUnit: "mmol/L", Value: 5.9, Unit: "mmol/L", Reason: "Transcription error", CorrectedBy: "LAB-9", CorrectedAt: orderedAt.Add(2 * time.Hour)},
		{PreviousValue: 5.9, PreviousUnit: "mmol/L", Value: 4.4, Unit: "mmol/L", Reason: "Hemolyzed sample; redrawn", CorrectedBy: "LAB-9", CorrectedAt: orderedAt.Add(3 * time.Hour)},
	}
	if !reflect.DeepEqual(r.Corrections, want) {
		t.Errorf("corrections\n got %+v\nwant %+v", r.Corrections, want)
	}
	if r.Value != 4.4 || r.Status != contracts.ResultStatusCorrected || r.Interpretation != "N" {
		t.Errorf("result %+v, want 4.4, corrected, N", r)
	}
	if r.ResultedAt != orderedAt.Add(time.Hour) || r.Performer != "LAB-7" {
		t.Errorf("a correction changed who resulted it and when: %+v", r)
	}
	if o.Version() != 4 {
		t.Errorf("version %d, want 4", o.Version())
	}
}

func TestCorrectionRecomputesTheInterpretation(t *testing.T) {
	o := withResult(t, contracts.ResultStatusFinal)
	if err := o.CorrectResult("2823-3", validCorrection()); err != nil {
		t.Fatal(err)
	}
	if got := o.State().Results[0].Interpretation; got != "H" {
		t.Errorf("interpretation %q after correcting to 5.9 (range 3.5-5.1), want H", got)
	}
}

func TestCorrectResultRefuses(t *testing.T) {
	tests := []struct {
		name   string
		status string // of the recorded potassium result, "" for none
		code   string
		want   error
	}{
		{"a_result_never_recorded_is_not_found", "", "2823-3", laborder.ErrResultNotFound},
		{"a_test_not_ordered_is_not_found", contracts.ResultStatusFinal, "2345-7", laborder.ErrResultNotFound},
		{"a_preliminary_result_is_a_conflict", contracts.ResultStatusPreliminary, "2823-3", laborder.ErrResultNotFinal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := placed(t)
			if tt.status != "" {
				o = withResult(t, tt.status)
			}
			before, version := o.State(), o.Version()
			err := o.CorrectResult(tt.code, validCorrection())
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if !reflect.DeepEqual(o.State(), before) || o.Version() != version {
				t.Errorf("a refused correction changed the order")
			}
		})
	}
	if !errors.Is(laborder.ErrResultNotFound, laborder.ErrNotFound) || !errors.Is(laborder.ErrResultNotFinal, laborder.ErrConflict) {
		t.Error("result errors do not wrap their kind")
	}
}

func TestCorrectResultRejects(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*laborder.CorrectionRequest)
		field string
	}{
		{"a_missing_value", func(r *laborder.CorrectionRequest) { r.Value = nil }, "value"},
		{"a_missing_unit", func(r *laborder.CorrectionRequest) { r.Unit = "" }, "unit"},
		{"a_missing_reason", func(r *laborder.CorrectionRequest) { r.Reason = "" }, "reason"},
		{"a_missing_corrector", func(r *laborder.CorrectionRequest) { r.CorrectedBy = "" }, "correctedBy"},
		{"a_missing_time", func(r *laborder.CorrectionRequest) { r.CorrectedAt = time.Time{} }, "correctedAt"},
		{"a_time_before_the_result", func(r *laborder.CorrectionRequest) { r.CorrectedAt = orderedAt }, "correctedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := withResult(t, contracts.ResultStatusFinal)
			req := validCorrection()
			tt.edit(&req)
			wantFieldError(t, o.CorrectResult("2823-3", req), tt.field, nil)
			if r := o.State().Results[0]; r.Value != 4.2 || len(r.Corrections) != 0 || o.Version() != 2 {
				t.Errorf("a rejected correction changed the result: %+v", r)
			}
		})
	}
}

func TestAUnitOnlyCorrectionIsAccepted(t *testing.T) {
	o := withResult(t, contracts.ResultStatusFinal)
	req := validCorrection()
	req.Value, req.Unit = ptr(4.2), "mEq/L"
	if err := o.CorrectResult("2823-3", req); err != nil {
		t.Fatal(err)
	}
	if c := o.State().Results[0].Corrections; len(c) != 1 || c[0].PreviousUnit != "mmol/L" || c[0].Unit != "mEq/L" {
		t.Errorf("corrections %+v", c)
	}
}

func TestACorrectionKeepingTheValueIsRecorded(t *testing.T) {
	o := withResult(t, contracts.ResultStatusFinal)
	req := validCorrection()
	req.Value, req.Reason = ptr(4.2), "Re-run on a second analyzer; value confirmed"
	if err := o.CorrectResult("2823-3", req); err != nil {
		t.Fatal(err)
	}
	r := o.State().Results[0]
	if r.Status != contracts.ResultStatusCorrected || len(r.Corrections) != 1 || r.Corrections[0].PreviousValue != 4.2 || o.Version() != 3 {
		t.Errorf("result %+v v%d", r, o.Version())
	}
}
