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
		"PRONTUARIO_PRESCRIPTION_ADDR":         "127.0.0.1:0",
		"PRONTUARIO_PRESCRIPTION_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "prescription.db"),
		"PRONTUARIO_KAFKA_BROKERS":             brokerAddr,
		"PRONTUARIO_LOG_LEVEL":                 "debug",
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
// carry the medication, dose or cancellation reason either.
func TestTheServiceServesItsMetricsAndLogsNoClinicalData(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	kb.Stop()
	var logs obstest.Logs
	base := startLogged(t, kb.Addr(), &logs)
	before := obstest.Scrape(t, base+"/metrics")
	id := postID(t, base+"/v1/prescriptions", `{"patientId": "P-1001", "encounterId": "E-2001", "prescriberId": "PR-2",
		"items": [{"medicationCode": "MOR10", "dose": "3.7mg", "route": "intravenous", "frequency": "q4h prn"}],
		"issuedAt": "2026-03-02T10:40:00Z"}`)
	postID(t, base+"/v1/prescriptions/"+id+"/cancel", `{"reason": "Respiratory depression", "cancelledBy": "PR-2", "cancelledAt": "2026-03-02T11:00:00Z"}`)

	after := obstest.RelayRecovers(t, kb, base+"/metrics", &logs, 2)
	obstest.CheckCounted(t, before, after, map[string]float64{
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/prescriptions"}`:                 1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/prescriptions/{id}/cancel"}`:     1,
		`prontuario_http_request_duration_seconds_count{code="201",method="POST",route="/v1/prescriptions"}`: 1,
	})
	logs.CheckAbsent(t, "Morphine", "3.7mg", "Respiratory")
}
