package bench_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
	"github.com/prontuario/prontuario/e2e/harness"
)

// queryEncounters is the number of encounters of the queried patient.
const queryEncounters = 100

// BenchmarkPatientQuery creates a patient with 100 encounters through the
// real services' APIs, then times, alternately, sizes.Queries GraphQL
// patient queries and as many API compositions of the same answer from the
// four services' GET endpoints (bench.Composition), against the real
// processes on SQLite.
func BenchmarkPatientQuery(b *testing.B) {
	// The query's worst-case size (every nested list counts 10) is far
	// above the default limit of 5,000 objects.
	b.Setenv("PRONTUARIO_GRAPHQL_MAX_NODES", "1000000")
	h := harness.Start(b, shared.binaries(b), harness.Options{})
	client := &http.Client{Timeout: 30 * time.Second}
	clinic := bench.Clinic{Triage: h.URL["triage"], Prescription: h.URL["prescription"], Lab: h.URL["lab"], Imaging: h.URL["imaging"], Client: client}
	api := bench.GraphQL{URL: h.URL["graphql"], Token: h.Tokens["clinician"], Client: client}
	composition := bench.Composition{Clinic: clinic}
	const patientID = "BENCH-P-100"
	start := time.Now()
	awaitApplied(b, api, createEncounters(b, clinic, patientID))
	say("patient query: %d encounters created and applied in %s", queryEncounters, time.Since(start).Round(time.Millisecond))

	viaAPI, err := composition.Patient(b.Context(), patientID)
	if err != nil {
		b.Fatal(err)
	}
	viaGraphQL, err := api.Patient(b.Context(), patientID)
	if err != nil {
		b.Fatal(err)
	}
	if viaGraphQL != viaAPI || viaAPI.Encounters != queryEncounters || viaAPI.Reports != queryEncounters {
		b.Fatalf("the two answers differ or are incomplete:\ngraphql     %+v\ncomposition %+v", viaGraphQL, viaAPI)
	}
	eachRun(b, func(b *testing.B) {
		var graphql, composed bench.Latencies
		for range sizes.Queries {
			timeCall(b, &graphql, func() (bench.Summary, error) { return api.Patient(b.Context(), patientID) }, viaAPI)
			timeCall(b, &composed, func() (bench.Summary, error) { return composition.Patient(b.Context(), patientID) }, viaAPI)
		}
		say("patient query: graphql p50 %s p99 %s; composition p50 %s p99 %s", graphql.Percentile(50), graphql.Percentile(99),
			composed.Percentile(50), composed.Percentile(99))
		b.ReportMetric(bench.Millis(graphql.Percentile(50)), bench.UnitGraphQLP50)
		b.ReportMetric(bench.Millis(graphql.Percentile(99)), bench.UnitGraphQLP99)
		b.ReportMetric(bench.Millis(composed.Percentile(50)), bench.UnitComposeP50)
		b.ReportMetric(bench.Millis(composed.Percentile(99)), bench.UnitComposeP99)
	})
}

// timeCall times call, which must answer want.
func timeCall(b *testing.B, into *bench.Latencies, call func() (bench.Summary, error), want bench.Summary) {
	b.Helper()
	start := time.Now()
	got, err := call()
	into.Add(time.Since(start))
	if err != nil || got != want {
		b.Fatalf("answer %+v, %v; want %+v", got, err, want)
	}
}

// createEncounters runs queryEncounters visits of the patient, 8 at a time,
// and returns the id of each visit's last event.
func createEncounters(b *testing.B, clinic bench.Clinic, patientID string) []string {
	b.Helper()
	if err := clinic.RegisterFormulary(b.Context()); err != nil {
		b.Fatal(err)
	}
	events := make([]string, queryEncounters)
	errs := make([]error, queryEncounters)
	next := make(chan int)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i := range next {
				arrived := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 72 * time.Hour)
				events[i], errs[i] = clinic.Visit(b.Context(), patientID, fmt.Sprintf("BENCH-E-%03d", i), arrived)
			}
		})
	}
	for i := range queryEncounters {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		b.Fatal(err)
	}
	return events
}

// awaitApplied waits, through the API's read-your-writes header, until
// every event is applied.
func awaitApplied(b *testing.B, api bench.GraphQL, events []string) {
	b.Helper()
	ctx, cancel := context.WithTimeout(b.Context(), 2*time.Minute)
	defer cancel()
	for chunk := range slices.Chunk(events, 20) {
		for {
			a, err := api.Do(ctx, "{ __typename }", nil, chunk)
			if err != nil {
				b.Fatalf("await the encounters' events: %v", err)
			}
			if c := a.Extensions.Consistency; c != nil && c.Applied {
				break
			}
		}
	}
}
