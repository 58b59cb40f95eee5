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

// checkRelayed waits until the relay failed with the broker down, restarts
// the broker, waits until the n events are published and returns the last
// scrape.
func checkRelayed(t *testing.T, kb *kafkatest.Broker, metrics string, logs *obstest.Logs, n float64) obstest.Series {
	t.Helper()
	m := obstest.Eventually(t, metrics, "the relay's failures counted", func(s obstest.Series) bool {
		return s["prontuario_outbox_publish_errors_total"] >= 1
	})
	if m["prontuario_outbox_backlog"] != n || m["prontuario_outbox_oldest_age_seconds"] <= 0 {
		t.Errorf("broker down: backlog %v, oldest age %v; want %v and > 0", m["prontuario_outbox_backlog"], m["prontuario_outbox_oldest_age_seconds"], n)
	}
	if !strings.Contains(logs.String(), "outbox relay batch failed") {
		t.Errorf("the relay's failure was not logged: %s", logs.String())
	}
	kb.Restart(t)
	return obstest.Eventually(t, metrics, "the events published", func(s obstest.Series) bool {
		return s["prontuario_outbox_published_total"] == n && s["prontuario_outbox_backlog"] == 0 && s["prontuario_outbox_oldest_age_seconds"] == 0
	})
}

// checkCounted checks that each series went from 0 to want.
func checkCounted(t *testing.T, before, after obstest.Series, want map[string]float64) {
	t.Helper()
	for series, n := range want {
		if before[series] != 0 || after[series] != n {
			t.Errorf("%s went from %v to %v, want 0 to %v", series, before[series], after[series], n)
		}
	}
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

	after := checkRelayed(t, kb, base+"/metrics", &logs, 3)
	checkCounted(t, before, after, map[string]float64{
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/lab-orders"}`:                              1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/lab-orders/{id}/results"}`:                 1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/lab-orders/{id}/results/{code}/correct"}`:  1,
		`prontuario_http_request_duration_seconds_count{code="201",method="POST",route="/v1/lab-orders/{id}/results"}`: 1,
	})
	logs.CheckAbsent(t, "6.37", "4.83", "Hemolyzed")
}
