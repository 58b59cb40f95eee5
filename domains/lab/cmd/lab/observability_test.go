package main

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/obs/obstest"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// startLogged runs the service as main does, at debug level with its logs
// in logs, until the test ends, and returns its base URL.
func startLogged(t *testing.T, brokerAddr string, logs *obstest.Logs) string {
	t.Helper()
	vars := map[string]string{
		"PRONTUARIO_LAB_ADDR":         "127.0.0.1:0",
		"PRONTUARIO_LAB_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "lab.db"),
		"PRONTUARIO_KAFKA_BROKERS":    brokerAddr,
		"PRONTUARIO_LOG_LEVEL":        "debug",
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, env(vars), logs, func(a string) { addrs <- a }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	})
	select {
	case addr := <-addrs:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("run returned before listening: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the service did not listen within 30s")
	}
	return ""
}

// postID posts a command and returns the id of its record.
func postID(t *testing.T, url, body string) string {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rc struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&rc); err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST %s = %d (%v), want 201 with a receipt", url, resp.StatusCode, err)
	}
	return rc.ID
}

// The broker starts down, so the relay logs its failures while the
// commands' events wait: those log lines, about these very events, must not
// carry the result's value or its correction's reason either.
func TestTheServiceServesItsMetricsAndLogsNoClinicalData(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	kb.Stop()
	var logs obstest.Logs
	base := startLogged(t, kb.Addr(), &logs)
	before := obstest.Scrape(t, base+"/metrics")
	id := postID(t, base+"/v1/lab-orders", `{"patientId": "P-1001", "encounterId": "E-2001",
		"tests": [{"code": "2823-3", "name": "Potassium"}], "orderedBy": "PR-1", "orderedAt": "2026-03-02T10:30:00Z"}`)
	postID(t, base+"/v1/lab-orders/"+id+"/results", `{"code": "2823-3", "value": 6.37, "unit": "mmol/L",
		"referenceRange": {"low": 3.5, "high": 5.1}, "status": "final", "performer": "LAB-7", "resultedAt": "2026-03-02T11:30:00Z"}`)
	postID(t, base+"/v1/lab-orders/"+id+"/results/2823-3/correct", `{"value": 4.83, "unit": "mmol/L",
		"reason": "Hemolyzed sample; redrawn", "correctedBy": "LAB-9", "correctedAt": "2026-03-02T12:10:00Z"}`)

	after := obstest.RelayRecovers(t, kb, base+"/metrics", &logs, 3)
	obstest.CheckCounted(t, before, after, map[string]float64{
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/lab-orders"}`:                              1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/lab-orders/{id}/results"}`:                 1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/lab-orders/{id}/results/{code}/correct"}`:  1,
		`prontuario_http_request_duration_seconds_count{code="201",method="POST",route="/v1/lab-orders/{id}/results"}`: 1,
	})
	logs.CheckAbsent(t, "6.37", "4.83", "Hemolyzed")
}
