package laborder_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

var orderedAt = time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)

func ptr(v float64) *float64 { return &v }

func validPlace() laborder.PlaceRequest {
	return laborder.PlaceRequest{
		PatientID:   "P-1001",
		EncounterID: "E-2001",
		Tests:       []laborder.TestRequest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}},
		OrderedBy:   "PR-1",
		OrderedAt:   orderedAt,
	}
}

func placed(t *testing.T) *laborder.Order {
	t.Helper()
	o, err := laborder.Place("LO-1", validPlace())
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// potassium is a normal potassium result, 4.2 mmol/L in 3.5-5.1.
func potassium(status string) laborder.ResultRequest {
	return laborder.ResultRequest{
		Code: "2823-3", Value: ptr(4.2), Unit: "mmol/L",
		ReferenceRange: contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)},
		Status:         status, Performer: "LAB-7", ResultedAt: orderedAt.Add(time.Hour),
	}
}

func withResult(t *testing.T, status string) *laborder.Order {
	t.Helper()
	o := placed(t)
	if err := o.RecordResult(potassium(status)); err != nil {
		t.Fatal(err)
	}
	return o
}

// wantFieldError fails unless err is a *ValidationError naming field and,
// when cause is not nil, wrapping cause.
func wantFieldError(t *testing.T, err error, field string, cause error) {
	t.Helper()
	var v *laborder.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error %v is not a *ValidationError", err)
	}
	if !slices.ContainsFunc(v.Fields, func(f laborder.FieldError) bool { return f.Field == field }) {
		t.Errorf("error %v does not name field %s", err, field)
	}
	if cause != nil && !errors.Is(err, cause) {
		t.Errorf("error %v does not wrap %v", err, cause)
	}
}
