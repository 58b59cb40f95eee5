package ports_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/httpx"
)

// order orders a study and returns its path.
func (a *api) order() string {
	a.t.Helper()
	return "/v1/imaging-studies/" + a.created(a.do("POST", "/v1/imaging-studies", orderBody)).ID
}

func TestAStudyFromOrderToAmendedReport(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	path := a.order()
	versions := []int64{
		a.created(a.do("POST", path+"/performed", performedBody)).Version,
		a.created(a.do("POST", path+"/report", reportBody)).Version,
		a.created(a.do("POST", path+"/report/amend", amendBody)).Version,
	}
	if !slices.Equal(versions, []int64{2, 3, 4}) {
		t.Errorf("versions %v, want [2 3 4]", versions)
	}
	rec := a.do("GET", path, "")
	var got struct {
		Status  string `json:"status"`
		Version int64  `json:"version"`
		Report  struct {
			Status     string `json:"status"`
			Findings   string `json:"findings"`
			Amendments []struct {
				PreviousFindings string `json:"previousFindings"`
			} `json:"amendments"`
		} `json:"report"`
	}
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &got) != nil {
		t.Fatalf("GET study: %d %s", rec.Code, rec.Body)
	}
	if got.Status != "reported" || got.Version != 4 || got.Report.Status != "amended" || len(got.Report.Amendments) != 1 ||
		got.Report.Amendments[0].PreviousFindings != "No pulmonary embolism." {
		t.Errorf("GET study = %+v", got)
	}
	rec = a.do("GET", "/v1/patients/P-1001/imaging-studies", "")
	if rec.Code != 200 || strings.Count(rec.Body.String(), `"studyId"`) != 1 {
		t.Errorf("GET patient studies: %d %s", rec.Code, rec.Body)
	}
	if n := a.outboxSize(); n != 4 {
		t.Errorf("outbox holds %d events, want 4", n)
	}
}

func TestEveryErrorIsAProblemWithTheRightStatus(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	ordered := a.order()
	reported := a.order()
	a.created(a.do("POST", reported+"/performed", performedBody))
	a.created(a.do("POST", reported+"/report", reportBody))
	setup := a.outboxSize()

	tests := []struct {
		name, method, path, body string
		status                   int
		fields                   []string
	}{
		{"malformed_json", "POST", "/v1/imaging-studies", `{"modality":"CT",}`, 400, nil},
		{"unknown_field", "POST", "/v1/imaging-studies", strings.Replace(orderBody, `"bodySite"`, `"site"`, 1), 422, []string{"site"}},
		{"unknown_modality", "POST", "/v1/imaging-studies", strings.Replace(orderBody, `"CT"`, `"PET"`, 1), 422, []string{"modality"}},
		{"missing_fields", "POST", "/v1/imaging-studies", `{"modality":"MR"}`, 422,
			[]string{"patientId", "encounterId", "procedureCode", "bodySite", "orderedBy", "orderedAt"}},
		{"order_time_not_a_time", "POST", "/v1/imaging-studies", strings.Replace(orderBody, "2026-03-02T10:35:00Z", "10:35", 1), 422, []string{"orderedAt"}},
		{"malformed_study_uid", "POST", ordered + "/performed", strings.Replace(performedBody, "1.2.840", "1.2.x", 1), 422, []string{"studyInstanceUid"}},
		{"performed_of_unknown_study", "POST", "/v1/imaging-studies/IS-404/performed", performedBody, 404, nil},
		{"performed_twice", "POST", reported + "/performed", performedBody, 409, nil},
		{"report_before_performed", "POST", ordered + "/report", reportBody, 409, nil},
		{"report_twice", "POST", reported + "/report", reportBody, 409, nil},
		{"report_without_findings", "POST", reported + "/report", `{"impression":"x","radiologist":"RAD-2","finalizedAt":"2026-03-02T11:45:00Z"}`, 422, []string{"findings"}},
		{"amend_without_report", "POST", ordered + "/report/amend", amendBody, 409, nil},
		{"amend_without_reason", "POST", reported + "/report/amend", strings.Replace(amendBody, `"Re-read after comparison"`, `""`, 1), 422, []string{"reason"}},
		{"amend_changing_nothing", "POST", reported + "/report/amend", `{"reason":"x","radiologist":"RAD-2","amendedAt":"2026-03-02T13:00:00Z"}`, 422, []string{"findings"}},
		{"amend_of_unknown_study", "POST", "/v1/imaging-studies/IS-404/report/amend", amendBody, 404, nil},
		{"get_unknown_study", "GET", "/v1/imaging-studies/IS-404", "", 404, nil},
		{"wrong_method", "PUT", ordered + "/report", reportBody, 405, nil},
		{"body_too_large", "POST", "/v1/imaging-studies", `{"bodySite":"` + strings.Repeat("x", httpx.MaxBodyBytes) + `"}`, 413, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := problemOf(t, a.do(tc.method, tc.path, tc.body), tc.status)
			if tc.fields != nil && !sameSet(fieldsOf(p), tc.fields) {
				t.Errorf("fields %v, want %v", fieldsOf(p), tc.fields)
			}
		})
	}
	if n := a.outboxSize(); n != setup {
		t.Errorf("outbox holds %d events after the failed requests, want the %d of the setup", n, setup)
	}
}

func TestIdempotencyKey(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	key := []string{httpx.HeaderIdempotencyKey, "order-1"}
	first := a.do("POST", "/v1/imaging-studies", orderBody, key...)
	retry := a.do("POST", "/v1/imaging-studies", orderBody, key...)
	if first.Code != http.StatusCreated || retry.Code != http.StatusCreated || first.Body.String() != retry.Body.String() {
		t.Errorf("retry answered %d %s, first %d %s; want the same 201", retry.Code, retry.Body, first.Code, first.Body)
	}
	if n := a.outboxSize(); n != 1 {
		t.Errorf("outbox holds %d events after a retry, want 1", n)
	}
	p := problemOf(t, a.do("POST", "/v1/imaging-studies", strings.Replace(orderBody, `"CT"`, `"MR"`, 1), key...), http.StatusUnprocessableEntity)
	if !strings.HasSuffix(p.Type, "idempotency-key-reused") {
		t.Errorf("same key, other body: %+v", p)
	}
}

func sameSet(got, want []string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}
