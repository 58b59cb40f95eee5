package ports_test

import (
	"strings"
	"testing"
)

func TestErrorsAreProblems(t *testing.T) {
	s := newServer(t)
	rx := s.do(t, "POST", "/v1/prescriptions", issueBody).receipt(t)
	s.do(t, "POST", "/v1/prescriptions/"+rx.ID+"/cancel", cancelBody).receipt(t)
	with := func(old, new string) string { return strings.Replace(issueBody, old, new, 1) }
	tests := []struct {
		name, method, path, body string
		headers                  []string
		status                   int
		fields                   []string
	}{
		{name: "malformed_json", method: "POST", path: "/v1/prescriptions", body: `{"patientId": `, status: 400},
		{name: "empty_body", method: "POST", path: "/v1/prescriptions", body: ``, status: 400},
		{name: "not_an_object", method: "POST", path: "/v1/prescriptions", body: `[1]`, status: 400},
		{name: "unknown_field", method: "POST", path: "/v1/prescriptions", body: with(`"encounterId"`, `"dosage": 1, "encounterId"`), status: 422, fields: []string{"dosage"}},
		{name: "wrong_type", method: "POST", path: "/v1/prescriptions", body: with(`"P-1001"`, `5`), status: 422, fields: []string{"patientId"}},
		{name: "every_missing_field", method: "POST", path: "/v1/prescriptions", body: `{"items": [{}]}`, status: 422,
			fields: []string{"patientId", "encounterId", "prescriberId", "items[0].medicationCode", "items[0].dose", "items[0].route", "items[0].frequency", "issuedAt"}},
		{name: "a_time_that_is_not_rfc3339", method: "POST", path: "/v1/prescriptions", body: with(`"2026-03-02T07:40:00-03:00"`, `"02/03/2026"`), status: 422, fields: []string{"issuedAt"}},
		{name: "an_unknown_prescriber", method: "POST", path: "/v1/prescriptions", body: with(`"PR-1"`, `"PR-404"`), status: 422, fields: []string{"prescriberId"}},
		{name: "an_inactive_prescriber", method: "POST", path: "/v1/prescriptions", body: with(`"PR-1"`, `"PR-8"`), status: 422, fields: []string{"prescriberId"}},
		{name: "a_medication_not_in_the_formulary", method: "POST", path: "/v1/prescriptions", body: with(`"PCM500"`, `"XYZ"`), status: 422, fields: []string{"items[1].medicationCode"}},
		{name: "a_class_the_specialty_may_not_prescribe", method: "POST", path: "/v1/prescriptions", body: with(`"PCM500"`, `"CIS50"`), status: 422, fields: []string{"items[1].medicationCode"}},
		{name: "a_bad_time_of_day", method: "POST", path: "/v1/prescriptions", body: with(`"08:00"`, `"8h"`), status: 422, fields: []string{"items[0].times[0]"}},
		{name: "cancel_without_reason", method: "POST", path: "/v1/prescriptions/" + rx.ID + "/cancel", body: `{"cancelledBy": "PR-1", "cancelledAt": "2026-03-02T11:00:00Z"}`, status: 422, fields: []string{"reason"}},
		{name: "cancel_at_a_time_that_is_not_rfc3339", method: "POST", path: "/v1/prescriptions/" + rx.ID + "/cancel", body: `{"reason": "x", "cancelledBy": "PR-1", "cancelledAt": "noon"}`, status: 422, fields: []string{"cancelledAt"}},
		{name: "cancel_an_unknown_prescription", method: "POST", path: "/v1/prescriptions/RX-404/cancel", body: cancelBody, status: 404},
		{name: "cancel_twice", method: "POST", path: "/v1/prescriptions/" + rx.ID + "/cancel", body: cancelBody, status: 409},
		{name: "get_an_unknown_prescription", method: "GET", path: "/v1/prescriptions/RX-404", status: 404},
		{name: "an_unknown_route", method: "GET", path: "/v1/nothing", status: 404},
		{name: "a_wrong_method", method: "DELETE", path: "/v1/prescriptions", status: 405},
		{name: "a_body_too_large", method: "POST", path: "/v1/prescriptions", body: `{"patientId": "` + strings.Repeat("x", 2<<20) + `"}`, status: 413},
		{name: "a_bad_idempotency_key", method: "POST", path: "/v1/prescriptions", body: issueBody, headers: []string{"Idempotency-Key", "clé"}, status: 400},
		{name: "a_prescriber_without_active", method: "POST", path: "/v1/prescribers", body: `{"id": "PR-9", "name": "Dra. Lia", "specialty": "Nephrology", "license": "CRM9"}`, status: 422, fields: []string{"active"}},
		{name: "a_malformed_prescriber", method: "POST", path: "/v1/prescribers", body: `{"id": 9}`, status: 422, fields: []string{"id"}},
		{name: "a_medication_without_class", method: "POST", path: "/v1/medications", body: `{"code": "FUR40", "name": "Furosemide 40 mg"}`, status: 422, fields: []string{"class"}},
		{name: "an_authorization_without_specialty", method: "POST", path: "/v1/authorizations", body: `{"medicationClass": "diuretic"}`, status: 422, fields: []string{"specialty"}},
		{name: "an_empty_authorization", method: "POST", path: "/v1/authorizations", body: ``, status: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.do(t, tt.method, tt.path, tt.body, tt.headers...).wantProblem(t, tt.status, tt.fields...)
		})
	}
	if n := s.count(t, "prescriptions"); n != 1 {
		t.Errorf("%d prescriptions after the refused requests, want 1", n)
	}
	if n := s.count(t, "outbox"); n != 2 {
		t.Errorf("%d events after the refused requests, want 2", n)
	}
}
