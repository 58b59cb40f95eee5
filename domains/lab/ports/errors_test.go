package ports_test

import (
	"strings"
	"testing"
)

func TestErrorsAreProblems(t *testing.T) {
	s := newServer(t)
	final := s.do(t, "POST", "/v1/lab-orders", placeBody).receipt(t).ID
	s.do(t, "POST", "/v1/lab-orders/"+final+"/results", resultBody).receipt(t)
	prelim := s.do(t, "POST", "/v1/lab-orders", placeBody).receipt(t).ID
	s.do(t, "POST", "/v1/lab-orders/"+prelim+"/results", strings.Replace(resultBody, `"final"`, `"preliminary"`, 1)).receipt(t)
	result := func(old, new string) string { return strings.Replace(resultBody, old, new, 1) }
	tests := []struct {
		name, method, path, body string
		status                   int
		fields                   []string
	}{
		{name: "malformed_json", method: "POST", path: "/v1/lab-orders", body: `{"tests": [`, status: 400},
		{name: "unknown_field", method: "POST", path: "/v1/lab-orders", body: strings.Replace(placeBody, `"orderedBy"`, `"priority": "stat", "orderedBy"`, 1), status: 422, fields: []string{"priority"}},
		{name: "every_missing_field", method: "POST", path: "/v1/lab-orders", body: `{"tests": [{}]}`, status: 422,
			fields: []string{"patientId", "encounterId", "tests[0].code", "tests[0].name", "orderedBy", "orderedAt"}},
		{name: "a_wrong_loinc_check_digit", method: "POST", path: "/v1/lab-orders", body: strings.Replace(placeBody, `"718-7"`, `"718-6"`, 1), status: 422, fields: []string{"tests[0].code"}},
		{name: "an_order_time_that_is_not_rfc3339", method: "POST", path: "/v1/lab-orders", body: strings.Replace(placeBody, `"2026-03-02T10:30:00Z"`, `"today"`, 1), status: 422, fields: []string{"orderedAt"}},
		{name: "a_result_without_value", method: "POST", path: "/v1/lab-orders/" + prelim + "/results", body: result(`"value": 5.9, `, ``), status: 422, fields: []string{"value"}},
		{name: "a_value_that_is_a_string", method: "POST", path: "/v1/lab-orders/" + prelim + "/results", body: result(`5.9`, `"5.9"`), status: 422, fields: []string{"value"}},
		{name: "a_result_for_a_test_not_ordered", method: "POST", path: "/v1/lab-orders/" + prelim + "/results", body: result(`"2823-3"`, `"2345-7"`), status: 422, fields: []string{"code"}},
		{name: "an_interpretation_against_the_range", method: "POST", path: "/v1/lab-orders/" + prelim + "/results", body: result(`"unit"`, `"interpretation": "N", "unit"`), status: 422, fields: []string{"interpretation"}},
		{name: "a_range_upside_down", method: "POST", path: "/v1/lab-orders/" + prelim + "/results", body: result(`"low": 3.5`, `"low": 9`), status: 422, fields: []string{"referenceRange"}},
		{name: "an_unknown_status", method: "POST", path: "/v1/lab-orders/" + prelim + "/results", body: result(`"final"`, `"amended"`), status: 422, fields: []string{"status"}},
		{name: "a_result_for_an_unknown_order", method: "POST", path: "/v1/lab-orders/LO-404/results", body: resultBody, status: 404},
		{name: "a_preliminary_over_a_final_result", method: "POST", path: "/v1/lab-orders/" + final + "/results", body: result(`"final"`, `"preliminary"`), status: 409},
		{name: "a_correction_of_a_result_never_recorded", method: "POST", path: "/v1/lab-orders/" + final + "/results/718-7/correct", body: correctBody, status: 404},
		{name: "a_correction_of_a_preliminary_result", method: "POST", path: "/v1/lab-orders/" + prelim + "/results/2823-3/correct", body: correctBody, status: 409},
		{name: "a_correction_without_reason", method: "POST", path: "/v1/lab-orders/" + final + "/results/2823-3/correct", body: strings.Replace(correctBody, `"reason": "Hemolyzed sample; redrawn", `, ``, 1), status: 422, fields: []string{"reason"}},
		{name: "a_correction_of_an_unknown_order", method: "POST", path: "/v1/lab-orders/LO-404/results/2823-3/correct", body: correctBody, status: 404},
		{name: "get_an_unknown_order", method: "GET", path: "/v1/lab-orders/LO-404", status: 404},
		{name: "a_wrong_method", method: "PUT", path: "/v1/lab-orders", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.do(t, tt.method, tt.path, tt.body).wantProblem(t, tt.status, tt.fields...)
		})
	}
	if n := s.count(t, "outbox"); n != 4 {
		t.Errorf("%d events after the refused requests, want 4", n)
	}
}
