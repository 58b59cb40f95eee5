package ports_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/httpx"
)

func TestAnEncounterFromArrivalToDisposition(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	opened := a.created(a.do("POST", "/v1/encounters", openBody))
	triaged := a.created(a.do("POST", "/v1/encounters/E-2001/triage", triageBody))
	closed := a.created(a.do("POST", "/v1/encounters/E-2001/close", closeBody))
	if opened.ID != "E-2001" || opened.Version != 1 || triaged.Version != 2 || closed.Version != 3 {
		t.Errorf("receipts %+v %+v %+v, want E-2001 versions 1, 2, 3", opened, triaged, closed)
	}

	rec := a.do("GET", "/v1/encounters/E-2001", "")
	var got struct {
		Status      string `json:"status"`
		Disposition string `json:"disposition"`
		Version     int64  `json:"version"`
		Triage      struct {
			Acuity int `json:"acuity"`
		} `json:"triage"`
	}
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &got) != nil {
		t.Fatalf("GET encounter: %d %s", rec.Code, rec.Body)
	}
	if got.Status != "closed" || got.Disposition != "admitted" || got.Version != 3 || got.Triage.Acuity != 3 {
		t.Errorf("GET encounter = %+v", got)
	}
	if n := a.outboxSize(); n != 3 {
		t.Errorf("outbox holds %d events, want 3", n)
	}
}

func TestEncounterIDIsGeneratedWhenNotGiven(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	rc := a.created(a.do("POST", "/v1/encounters", strings.Replace(openBody, `"encounterId":"E-2001",`, "", 1)))
	if !strings.HasPrefix(rc.ID, "E-") || rc.ID == "E-2001" {
		t.Errorf("generated id %q", rc.ID)
	}
	if rec := a.do("GET", "/v1/encounters/"+rc.ID, ""); rec.Code != 200 {
		t.Errorf("GET generated encounter: %d", rec.Code)
	}
}

func TestPatientEncountersListsThePatientsEncounters(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.created(a.do("POST", "/v1/encounters", openBody))
	a.created(a.do("POST", "/v1/encounters", strings.Replace(openBody, "E-2001", "E-2002", 1)))
	rec := a.do("GET", "/v1/patients/P-1001/encounters", "")
	var got struct {
		PatientID  string `json:"patientId"`
		Encounters []struct {
			EncounterID string `json:"encounterId"`
			Version     int64  `json:"version"`
		} `json:"encounters"`
	}
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &got) != nil || got.PatientID != "P-1001" || len(got.Encounters) != 2 {
		t.Fatalf("GET patient encounters: %d %s", rec.Code, rec.Body)
	}
	rec = a.do("GET", "/v1/patients/P-none/encounters", "")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"encounters":[]`) {
		t.Errorf("unknown patient: %d %s, want 200 with an empty list", rec.Code, rec.Body)
	}
}

func TestEveryErrorIsAProblemWithTheRightStatus(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.created(a.do("POST", "/v1/encounters", openBody))
	a.created(a.do("POST", "/v1/encounters", strings.Replace(openBody, "E-2001", "E-closed", 1)))
	a.created(a.do("POST", "/v1/encounters/E-closed/close", closeBody))

	tests := []struct {
		name, method, path, body string
		status                   int
		fields                   []string
	}{
		{"malformed_json", "POST", "/v1/encounters", `{"patient":`, 400, nil},
		{"not_an_object", "POST", "/v1/encounters", `"hello"`, 400, nil},
		{"unknown_field", "POST", "/v1/encounters", strings.Replace(openBody, `"reason"`, `"motive"`, 1), 422, []string{"motive"}},
		{"wrong_type", "POST", "/v1/encounters", strings.Replace(openBody, `"P-1001"`, `1001`, 1), 422, []string{"patient.id"}},
		{"invalid_patient_fields", "POST", "/v1/encounters", strings.NewReplacer(`"Maria Oliveira"`, `""`, `"female"`, `"F"`).Replace(openBody), 422,
			[]string{"patient.name", "patient.sex"}},
		{"arrival_not_a_time", "POST", "/v1/encounters", strings.Replace(openBody, "2026-03-02T10:00:00Z", "02/03/2026 10:00", 1), 422, []string{"arrivedAt"}},
		{"duplicate_encounter_id", "POST", "/v1/encounters", openBody, 409, nil},
		{"triage_of_unknown_encounter", "POST", "/v1/encounters/E-404/triage", triageBody, 404, nil},
		{"triage_without_vitals", "POST", "/v1/encounters/E-2001/triage", `{"acuity":3,"chiefComplaint":"x","nurseId":"N-1","assessedAt":"2026-03-02T10:12:00Z"}`, 422, []string{"vitals"}},
		{"triage_with_missing_vitals", "POST", "/v1/encounters/E-2001/triage", `{"acuity":3,"chiefComplaint":"x","nurseId":"N-1","assessedAt":"2026-03-02T10:12:00Z","vitals":{"heartRate":80}}`, 422,
			[]string{"vitals.systolic", "vitals.diastolic", "vitals.respiratoryRate", "vitals.temperatureC", "vitals.spo2", "vitals.painScore"}},
		{"impossible_vitals", "POST", "/v1/encounters/E-2001/triage", strings.NewReplacer(`"heartRate":96`, `"heartRate":420`, `"spo2":97`, `"spo2":130`).Replace(triageBody), 422,
			[]string{"vitals.heartRate", "vitals.spo2"}},
		{"acuity_out_of_range", "POST", "/v1/encounters/E-2001/triage", strings.Replace(triageBody, `"acuity":3`, `"acuity":0`, 1), 422, []string{"acuity"}},
		{"triage_of_closed_encounter", "POST", "/v1/encounters/E-closed/triage", triageBody, 409, nil},
		{"closing_twice", "POST", "/v1/encounters/E-closed/close", closeBody, 409, nil},
		{"unknown_disposition", "POST", "/v1/encounters/E-2001/close", strings.Replace(closeBody, "admitted", "home", 1), 422, []string{"disposition"}},
		{"close_of_unknown_encounter", "POST", "/v1/encounters/E-404/close", closeBody, 404, nil},
		{"get_unknown_encounter", "GET", "/v1/encounters/E-404", "", 404, nil},
		{"unknown_route", "GET", "/v1/nothing", "", 404, nil},
		{"wrong_method", "DELETE", "/v1/encounters/E-2001", "", 405, nil},
		{"body_too_large", "POST", "/v1/encounters", `{"reason":"` + strings.Repeat("x", httpx.MaxBodyBytes) + `"}`, 413, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := problemOf(t, a.do(tc.method, tc.path, tc.body), tc.status)
			if tc.fields != nil && !sameSet(fieldsOf(p), tc.fields) {
				t.Errorf("fields %v, want %v", fieldsOf(p), tc.fields)
			}
		})
	}
	if n := a.outboxSize(); n != 3 {
		t.Errorf("outbox holds %d events after the failed requests, want the 3 of the setup", n)
	}
}

func TestIdempotencyKey(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	key := []string{httpx.HeaderIdempotencyKey, "open-E-2001"}
	first := a.do("POST", "/v1/encounters", openBody, key...)
	retry := a.do("POST", "/v1/encounters", openBody, key...)
	if first.Code != http.StatusCreated || retry.Code != http.StatusCreated || first.Body.String() != retry.Body.String() {
		t.Errorf("retry answered %d %s, first %d %s; want the same 201", retry.Code, retry.Body, first.Code, first.Body)
	}
	if n := a.outboxSize(); n != 1 {
		t.Errorf("outbox holds %d events after a retry, want 1", n)
	}
	other := a.do("POST", "/v1/encounters", strings.Replace(openBody, "E-2001", "E-2002", 1), key...)
	p := problemOf(t, other, http.StatusUnprocessableEntity)
	if !strings.HasSuffix(p.Type, "idempotency-key-reused") {
		t.Errorf("same key, other body: %+v", p)
	}

	// A close retried after its success replays, instead of a 409.
	closeKey := []string{httpx.HeaderIdempotencyKey, "close-E-2001"}
	firstClose := a.do("POST", "/v1/encounters/E-2001/close", closeBody, closeKey...)
	retryClose := a.do("POST", "/v1/encounters/E-2001/close", closeBody, closeKey...)
	if retryClose.Code != http.StatusCreated || retryClose.Body.String() != firstClose.Body.String() {
		t.Errorf("retried close answered %d %s, want the first answer %s", retryClose.Code, retryClose.Body, firstClose.Body)
	}
}

func sameSet(got, want []string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}
