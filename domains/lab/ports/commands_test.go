package ports_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

type orderJSON struct {
	contracts.LabOrderState
	Version int64 `json:"version"`
}

func TestPlaceRecordCorrectThenRead(t *testing.T) {
	s := newServer(t)
	placed := s.do(t, "POST", "/v1/lab-orders", placeBody).receipt(t)
	if placed.Version != 1 || !strings.HasPrefix(placed.ID, "LO-") {
		t.Errorf("receipt %+v", placed)
	}
	recorded := s.do(t, "POST", "/v1/lab-orders/"+placed.ID+"/results", resultBody).receipt(t)
	corrected := s.do(t, "POST", "/v1/lab-orders/"+placed.ID+"/results/2823-3/correct", correctBody).receipt(t)
	if recorded.Version != 2 || corrected.Version != 3 || corrected.ID != placed.ID {
		t.Errorf("receipts %+v %+v", recorded, corrected)
	}

	got := s.do(t, "GET", "/v1/lab-orders/"+placed.ID, "")
	var o orderJSON
	if err := json.Unmarshal(got.body, &o); err != nil || got.status != http.StatusOK {
		t.Fatalf("GET: %d %s", got.status, got.body)
	}
	if o.Version != 3 || len(o.Results) != 1 {
		t.Fatalf("GET answered %s", got.body)
	}
	r := o.Results[0]
	if r.Value != 4.2 || r.Status != "corrected" || r.Interpretation != "N" || len(r.Corrections) != 1 || r.Corrections[0].PreviousValue != 5.9 {
		t.Errorf("result %+v", r)
	}

	list := s.do(t, "GET", "/v1/patients/P-1001/lab-orders", "")
	var l struct {
		PatientID string      `json:"patientId"`
		LabOrders []orderJSON `json:"labOrders"`
	}
	if err := json.Unmarshal(list.body, &l); err != nil || list.status != http.StatusOK || len(l.LabOrders) != 1 || l.LabOrders[0].Version != 3 {
		t.Errorf("list: %d %s", list.status, list.body)
	}
	if empty := s.do(t, "GET", "/v1/patients/P-404/lab-orders", ""); empty.status != http.StatusOK || !strings.Contains(string(empty.body), `"labOrders":[]`) {
		t.Errorf("unknown patient: %d %s", empty.status, empty.body)
	}
}

func TestIdempotencyKey(t *testing.T) {
	s := newServer(t)
	placed := s.do(t, "POST", "/v1/lab-orders", placeBody, "Idempotency-Key", "k-1").receipt(t)
	if again := s.do(t, "POST", "/v1/lab-orders", placeBody, "Idempotency-Key", "k-1"); again.receipt(t) != placed || again.header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("retry answered %s, want the first answer replayed", again.body)
	}
	path := "/v1/lab-orders/" + placed.ID + "/results"
	first := s.do(t, "POST", path, resultBody, "Idempotency-Key", "k-2").receipt(t)
	if again := s.do(t, "POST", path, resultBody, "Idempotency-Key", "k-2"); again.receipt(t) != first {
		t.Errorf("a retried final result answered %s, want the first answer, not a conflict", again.body)
	}
	s.do(t, "POST", path, strings.Replace(resultBody, "5.9", "6.1", 1), "Idempotency-Key", "k-2").wantProblem(t, http.StatusUnprocessableEntity)
	if n := s.count(t, "lab_orders"); n != 1 {
		t.Errorf("%d orders, want 1", n)
	}
	if n := s.count(t, "outbox"); n != 2 {
		t.Errorf("%d events, want 2 (placed, recorded)", n)
	}
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
