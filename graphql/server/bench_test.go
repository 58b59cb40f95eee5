package server_test

import (
	"slices"
	"testing"
	"time"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/limits"
	"github.com/prontuario/prontuario/graphql/server"
)

// patient100 reads a patient with 100 encounters and every section of them:
// one store read for the patient and one for the page of encounters. Its
// worst-case size is far above the default limit of 5,000 objects (every
// nested list counts 10), so the benchmark raises it.
const patient100 = `{ patient(id: "P-1003") { id name birthDate
  encounters(first: 100) { totalCount edges { node {
    id status openedAt closedAt disposition reason completeness { complete missing }
    triage { acuity chiefComplaint vitalSigns { heartRate systolic diastolic spo2 } }
    prescriptions { id status issuedAt prescriber { name specialty license }
      items { medicationCode medicationName dose route frequency times } provenance { eventId offset } }
    labOrders { id results { code value unit status corrections { previousValue value } } }
    imagingStudies { id modality report { findings impression } }
  } } } } }`

// BenchmarkPatientWith100Encounters measures the patient query over HTTP
// against the SQLite read store and reports p50 and p99 latencies.
func BenchmarkPatientWith100Encounters(b *testing.B) {
	h, _, _ := sqliteHarness(b, server.Config{Limits: limits.Config{MaxNodes: 1_000_000}})
	d := h.query(auth.Clinician, patient100, nil)
	if len(d.Errors) > 0 || len(list(b, d.Data, "patient", "encounters", "edges")) != 100 {
		b.Fatalf("the query does not return 100 encounters: %s", d.raw[:min(len(d.raw), 500)])
	}
	timeQueries(b, h, patient100, nil)
}

// timeQueries runs query as a clinician b.N times and reports its p50 and
// p99 latencies.
func timeQueries(b *testing.B, h *harness, query string, vars map[string]any) {
	latencies := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		h.query(auth.Clinician, query, vars)
		latencies = append(latencies, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(latencies)
	b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
}
