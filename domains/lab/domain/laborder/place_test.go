package laborder_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestPlaceBuildsTheOrderAtVersionOne(t *testing.T) {
	req := validPlace()
	req.OrderedAt = orderedAt.In(time.FixedZone("BRT", -3*3600))
	o, err := laborder.Place("LO-1", req)
	if err != nil {
		t.Fatal(err)
	}
	want := contracts.LabOrderState{
		PatientID: "P-1001", EncounterID: "E-2001", OrderID: "LO-1",
		Tests:     []contracts.LabTest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}},
		OrderedBy: "PR-1", OrderedAt: orderedAt,
	}
	got := o.State()
	if !reflect.DeepEqual(got, want) || got.OrderedAt.Location() != time.UTC {
		t.Errorf("state\n got %+v\nwant %+v (in UTC)", got, want)
	}
	if o.Version() != 1 || o.ID() != "LO-1" || o.PatientID() != "P-1001" {
		t.Errorf("version %d id %q patient %q", o.Version(), o.ID(), o.PatientID())
	}
}

func TestPlaceRejects(t *testing.T) {
	tests := []struct {
		name  string
		id    string
		edit  func(*laborder.PlaceRequest)
		field string
		cause error
	}{
		{name: "a_missing_id", id: " ", field: "id"},
		{name: "a_missing_patient", edit: func(r *laborder.PlaceRequest) { r.PatientID = "" }, field: "patientId"},
		{name: "a_patient_id_longer_than_128", edit: func(r *laborder.PlaceRequest) { r.PatientID = strings.Repeat("p", 129) }, field: "patientId"},
		{name: "a_missing_encounter", edit: func(r *laborder.PlaceRequest) { r.EncounterID = "" }, field: "encounterId"},
		{name: "no_tests", edit: func(r *laborder.PlaceRequest) { r.Tests = nil }, field: "tests"},
		{name: "too_many_tests", edit: func(r *laborder.PlaceRequest) { r.Tests = make([]laborder.TestRequest, laborder.MaxTests+1) }, field: "tests"},
		{name: "a_missing_code", edit: func(r *laborder.PlaceRequest) { r.Tests[0].Code = "" }, field: "tests[0].code"},
		{name: "a_code_that_is_not_loinc", edit: func(r *laborder.PlaceRequest) { r.Tests[0].Code = "HGB" }, field: "tests[0].code", cause: laborder.ErrInvalidLOINC},
		{name: "a_wrong_check_digit", edit: func(r *laborder.PlaceRequest) { r.Tests[1].Code = "2823-4" }, field: "tests[1].code", cause: laborder.ErrInvalidLOINC},
		{name: "a_test_ordered_twice", edit: func(r *laborder.PlaceRequest) { r.Tests[1].Code = "718-7" }, field: "tests[1].code"},
		{name: "a_missing_test_name", edit: func(r *laborder.PlaceRequest) { r.Tests[1].Name = " " }, field: "tests[1].name"},
		{name: "a_missing_orderer", edit: func(r *laborder.PlaceRequest) { r.OrderedBy = "" }, field: "orderedBy"},
		{name: "a_missing_order_time", edit: func(r *laborder.PlaceRequest) { r.OrderedAt = time.Time{} }, field: "orderedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := validPlace()
			req.Tests = append([]laborder.TestRequest(nil), req.Tests...)
			if tt.edit != nil {
				tt.edit(&req)
			}
			id := "LO-1"
			if tt.id != "" {
				id = tt.id
			}
			o, err := laborder.Place(id, req)
			if o != nil {
				t.Errorf("got an order %+v, want none", o.State())
			}
			wantFieldError(t, err, tt.field, tt.cause)
		})
	}
}

func TestPlaceReportsEveryInvalidFieldAtOnce(t *testing.T) {
	_, err := laborder.Place("LO-1", laborder.PlaceRequest{Tests: []laborder.TestRequest{{Code: "1-1"}}})
	for _, field := range []string{"patientId", "encounterId", "tests[0].code", "tests[0].name", "orderedBy", "orderedAt"} {
		wantFieldError(t, err, field, nil)
	}
}
