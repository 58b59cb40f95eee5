package service_test

import (
	"testing"

	"github.com/prontuario/prontuario/internal/obs/obstest"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

const (
	performedBody = `{"studyInstanceUid":"1.2.840.113619.2.55.3.604688","technologist":"T-3","performedAt":"2026-03-02T11:00:00Z"}`
	// reportBody carries distinctive clinical text, to look for in the logs.
	reportBody = `{"findings":"Spiculated nodule in the left upper lobe.","impression":"Suspicious for malignancy.","radiologist":"RAD-2","finalizedAt":"2026-03-02T11:45:00Z"}`
)

// The broker starts down, so the relay logs its failures while the
// commands' events wait: those log lines, about these very events, must not
// carry the report's findings either.
func TestRunServesItsMetricsAndLogsNoClinicalData(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	kb.Stop()
	var logs obstest.Logs
	base, _ := start(t, kb.Addr(), logs.Logger())
	metrics := base + "/metrics"
	before := obstest.Scrape(t, metrics)
	id := post(t, base+"/v1/imaging-studies", orderBody)
	post(t, base+"/v1/imaging-studies/"+id+"/performed", performedBody)
	post(t, base+"/v1/imaging-studies/"+id+"/report", reportBody)

	m := obstest.RelayRecovers(t, kb, metrics, &logs, 3)
	obstest.CheckCounted(t, before, m, map[string]float64{
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/imaging-studies"}`:                 1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/imaging-studies/{id}/performed"}`:  1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/imaging-studies/{id}/report"}`:     1,
		`prontuario_http_request_duration_seconds_count{code="201",method="POST",route="/v1/imaging-studies"}`: 1,
		"prontuario_outbox_oldest_age_seconds": 0,
	})
	logs.CheckAbsent(t, "Spiculated", "nodule", "malignancy")
}
