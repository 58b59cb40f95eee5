package service_test

import (
	"testing"

	"github.com/prontuario/prontuario/internal/obs/obstest"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// triageBody carries distinctive vital signs, to look for in the logs.
const triageBody = `{"acuity":2,"chiefComplaint":"Crushing chest pain","nurseId":"N-17","assessedAt":"2026-03-02T10:12:00Z",
	"vitals":{"heartRate":131,"systolic":187,"diastolic":109,"respiratoryRate":27,"temperatureC":38.9,"spo2":89,"painScore":8}}`

// The broker starts down, so the relay logs its failures while the
// commands' events wait: those log lines, about these very events, must not
// carry the patient's name or vital signs either.
func TestRunServesItsMetricsAndLogsNoPatientData(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	kb.Stop()
	var logs obstest.Logs
	base, _ := start(t, kb.Addr(), logs.Logger())
	metrics := base + "/metrics"
	before := obstest.Scrape(t, metrics)
	post(t, base+"/v1/encounters", openBody)
	post(t, base+"/v1/encounters/E-2001/triage", triageBody)

	m := obstest.RelayRecovers(t, kb, metrics, &logs, 2)
	obstest.CheckCounted(t, before, m, map[string]float64{
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/encounters"}`:                             1,
		`prontuario_http_requests_total{code="201",method="POST",route="/v1/encounters/{id}/triage"}`:                 1,
		`prontuario_http_request_duration_seconds_count{code="201",method="POST",route="/v1/encounters"}`:             1,
		`prontuario_http_request_duration_seconds_count{code="201",method="POST",route="/v1/encounters/{id}/triage"}`: 1,
		"prontuario_outbox_oldest_age_seconds":                                                                        0,
	})
	logs.CheckAbsent(t, "Maria", "Oliveira", "Crushing", "131", "187", "109", "38.9")
}
