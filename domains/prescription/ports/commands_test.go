package ports_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

type prescriptionJSON struct {
	contracts.PrescriptionState
	Version int64 `json:"version"`
}

func TestIssueThenReadThenCancel(t *testing.T) {
	s := newServer(t)
	issued := s.do(t, "POST", "/v1/prescriptions", issueBody).receipt(t)
	if issued.Version != 1 || !strings.HasPrefix(issued.ID, "RX-") {
		t.Errorf("receipt %+v", issued)
	}

	got := s.do(t, "GET", "/v1/prescriptions/"+issued.ID, "")
	var p prescriptionJSON
	if err := json.Unmarshal(got.body, &p); err != nil || got.status != http.StatusOK {
		t.Fatalf("GET: %d %s", got.status, got.body)
	}
	if p.Version != 1 || p.Prescriber.Name != "Dr. João Silva" || p.Items[0].MedicationClass != "antiplatelet" ||
		!p.IssuedAt.Equal(time.Date(2026, 3, 2, 10, 40, 0, 0, time.UTC)) || p.IssuedAt.Location() != time.UTC {
		t.Errorf("GET answered %+v", p)
	}

	cancelled := s.do(t, "POST", "/v1/prescriptions/"+issued.ID+"/cancel", cancelBody).receipt(t)
	if cancelled.ID != issued.ID || cancelled.Version != 2 {
		t.Errorf("cancel receipt %+v", cancelled)
	}

	list := s.do(t, "GET", "/v1/patients/P-1001/prescriptions", "")
	var l struct {
		PatientID     string             `json:"patientId"`
		Prescriptions []prescriptionJSON `json:"prescriptions"`
	}
	if err := json.Unmarshal(list.body, &l); err != nil || list.status != http.StatusOK {
		t.Fatalf("list: %d %s", list.status, list.body)
	}
	if l.PatientID != "P-1001" || len(l.Prescriptions) != 1 || l.Prescriptions[0].Status != "cancelled" || l.Prescriptions[0].Version != 2 {
		t.Errorf("list %+v", l)
	}
	empty := s.do(t, "GET", "/v1/patients/P-404/prescriptions", "")
	if empty.status != http.StatusOK || !strings.Contains(string(empty.body), `"prescriptions":[]`) {
		t.Errorf("unknown patient: %d %s", empty.status, empty.body)
	}
}

func TestTheRequestsCorrelationIDReachesTheEvent(t *testing.T) {
	s := newServer(t)
	r := s.do(t, "POST", "/v1/prescriptions", issueBody, "X-Correlation-ID", "corr-42",
		"traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	rc := r.receipt(t)
	var headers string
	if err := s.db.QueryRowContext(t.Context(), "SELECT headers FROM outbox WHERE event_id = ?", rc.EventID).Scan(&headers); err != nil {
		t.Fatal(err)
	}
	var h map[string]string
	if err := json.Unmarshal([]byte(headers), &h); err != nil {
		t.Fatal(err)
	}
	if h[contracts.HeaderCorrelationID] != "corr-42" || h[contracts.HeaderTraceParent] == "" || h[contracts.HeaderActor] != "physician:PR-1" {
		t.Errorf("event headers %v", h)
	}
	if r.header.Get("X-Correlation-ID") != "corr-42" {
		t.Errorf("correlation id not echoed: %v", r.header)
	}
}

func TestIdempotencyKey(t *testing.T) {
	s := newServer(t)
	first := s.do(t, "POST", "/v1/prescriptions", issueBody, "Idempotency-Key", "k-1")
	rc := first.receipt(t)

	// The same request re-serialised (other whitespace and key order).
	var v map[string]any
	if err := json.Unmarshal([]byte(issueBody), &v); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	retry := s.do(t, "POST", "/v1/prescriptions", string(again), "Idempotency-Key", "k-1")
	if retry.receipt(t) != rc || retry.header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("retry answered %s (%v), want the first answer replayed", retry.body, retry.header)
	}
	if n := s.count(t, "prescriptions"); n != 1 {
		t.Errorf("%d prescriptions after a retry, want 1", n)
	}

	other := strings.Replace(issueBody, "P-1001", "P-2002", 1)
	s.do(t, "POST", "/v1/prescriptions", other, "Idempotency-Key", "k-1").wantProblem(t, http.StatusUnprocessableEntity)

	cancel := s.do(t, "POST", "/v1/prescriptions/"+rc.ID+"/cancel", cancelBody, "Idempotency-Key", "k-2").receipt(t)
	if again := s.do(t, "POST", "/v1/prescriptions/"+rc.ID+"/cancel", cancelBody, "Idempotency-Key", "k-2"); again.receipt(t) != cancel {
		t.Errorf("a retried cancel answered %s, want the first answer, not a conflict", again.body)
	}
	s.do(t, "POST", "/v1/prescriptions/"+rc.ID+"/cancel", cancelBody, "Idempotency-Key", "k-3").wantProblem(t, http.StatusConflict)
	if n := s.count(t, "outbox"); n != 2 {
		t.Errorf("%d events, want 2 (issue, cancel)", n)
	}
}

func TestCatalogEndpointsCreateThenReplace(t *testing.T) {
	s := newServer(t)
	body := `{"id": "PR-9", "name": "Dra. Lia", "specialty": "Nephrology", "license": "CRM9", "active": true}`
	for i, want := range []int{http.StatusCreated, http.StatusOK} {
		if r := s.do(t, "POST", "/v1/prescribers", body, "Idempotency-Key", "ignored"); r.status != want || !strings.Contains(string(r.body), `"active":true`) {
			t.Errorf("prescriber, round %d: %d %s, want %d", i, r.status, r.body, want)
		}
	}
	for _, step := range []struct{ path, body string }{
		{"/v1/medications", `{"code": "FUR40", "name": "Furosemide 40 mg", "class": "diuretic"}`},
		{"/v1/authorizations", `{"specialty": "Nephrology", "medicationClass": "diuretic"}`},
	} {
		if r := s.do(t, "POST", step.path, step.body); r.status != http.StatusCreated {
			t.Errorf("%s: %d %s", step.path, r.status, r.body)
		}
	}
	nephrology := strings.NewReplacer(`"PR-1"`, `"PR-9"`, `"ASA100"`, `"FUR40"`).Replace(issueBody)
	s.do(t, "POST", "/v1/prescriptions", nephrology).wantProblem(t, http.StatusUnprocessableEntity, "items[1].medicationCode")
	onlyFurosemide := strings.Replace(nephrology, `,
	          {"medicationCode": "PCM500", "dose": "500mg", "route": "oral", "frequency": "q8h"}`, "", 1)
	s.do(t, "POST", "/v1/prescriptions", onlyFurosemide).receipt(t)
}

func TestHealth(t *testing.T) {
	s := newServer(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		if r := s.do(t, "GET", path, ""); r.status != http.StatusOK {
			t.Errorf("%s: %d %s", path, r.status, r.body)
		}
	}
	if err := s.db.Close(); err != nil {
		t.Fatal(err)
	}
	s.do(t, "GET", "/readyz", "").wantProblem(t, http.StatusServiceUnavailable)
}

func TestAnUnparseableTimeIsExplained(t *testing.T) {
	s := newServer(t)
	r := s.do(t, "POST", "/v1/prescriptions", strings.Replace(issueBody, `"2026-03-02T07:40:00-03:00"`, `"yesterday"`, 1))
	r.wantProblem(t, http.StatusUnprocessableEntity, "issuedAt")
	if !strings.Contains(string(r.body), `RFC 3339`) || strings.Contains(string(r.body), `is required`) {
		t.Errorf("problem %s does not say the time is not RFC 3339", r.body)
	}
	if n := s.count(t, "prescriptions"); n != 0 {
		t.Errorf("a prescription with an unparseable time was stored")
	}
}
