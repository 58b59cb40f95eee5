package bench_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/simulate"
	"github.com/prontuario/prontuario/e2e/bench"
	"github.com/prontuario/prontuario/e2e/harness"
)

// BenchmarkFreshness drives the real processes (domain services on SQLite,
// the aggregator on the SQLite read store, the GraphQL API) with the
// simulator at each of bench.FreshnessRates commands per second for
// sizes.FreshFor, and measures for every accepted command the time from its
// 2xx to its event being visible through GraphQL (see bench.Freshness),
// with the commands' own round-trip p99 as the reference.
func BenchmarkFreshness(b *testing.B) {
	// Every poll must be a non-blocking check (see bench.Freshness).
	b.Setenv("PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT", "1ms")
	h := harness.Start(b, shared.binaries(b), harness.Options{})
	for _, r := range bench.FreshnessRates {
		b.Run(fmt.Sprintf("rate=%d", r), func(b *testing.B) {
			eachRun(b, func(b *testing.B) { measureFreshness(b, h, r) })
		})
	}
}

func measureFreshness(b *testing.B, h *harness.Hospital, perSecond int) {
	api := bench.GraphQL{URL: h.URL["graphql"], Token: h.Tokens["clinician"], Client: &http.Client{Timeout: 10 * time.Second}}
	f := bench.NewFreshness(api, 10*time.Millisecond)
	ctx, stop := context.WithCancel(b.Context())
	defer stop()
	polling := make(chan struct{})
	go func() { defer close(polling); f.Run(ctx) }()
	cpu := readCPU(b)
	sum, err := simulate.Run(b.Context(), simulate.Config{
		TriageURL: h.URL["triage"], PrescriptionURL: h.URL["prescription"], LabURL: h.URL["lab"], ImagingURL: h.URL["imaging"],
		Patients: 1 << 30, Duration: sizes.FreshFor, Rate: float64(perSecond), Concurrency: max(8, perSecond/5), Seed: int64(perSecond),
	}, nil, f.Accepted)
	if err != nil {
		b.Fatalf("simulator: %v", err)
	}
	if err := f.Wait(b.Context(), time.Minute); err != nil {
		b.Fatalf("freshness: %v", err)
	}
	busy := bench.BusyPercent(cpu, readCPU(b))
	stop()
	<-polling
	lat := f.Latencies()
	if lat.Len() < sum.Accepted/2 {
		b.Fatalf("only %d latencies for %d accepted commands", lat.Len(), sum.Accepted)
	}
	achieved := rate(sum.Accepted, sum.Took)
	say("freshness at %d/s: %d commands (%.0f/s achieved, %d failed, %d rejected), p50 %s p95 %s p99 %s; command p99 %s; CPU %.0f%% busy",
		perSecond, lat.Len(), achieved, sum.Failed, sum.Rejected, lat.Percentile(50), lat.Percentile(95), lat.Percentile(99), sum.P99, busy)
	b.ReportMetric(bench.Millis(lat.Percentile(50)), bench.UnitP50)
	b.ReportMetric(bench.Millis(lat.Percentile(95)), bench.UnitP95)
	b.ReportMetric(bench.Millis(lat.Percentile(99)), bench.UnitP99)
	b.ReportMetric(achieved, bench.UnitCommands)
	b.ReportMetric(bench.Millis(sum.P99), bench.UnitCmdP99)
	b.ReportMetric(busy, bench.UnitBusy)
}

func readCPU(b *testing.B) bench.CPUTimes {
	b.Helper()
	t, err := bench.ReadCPUTimes()
	if err != nil {
		b.Fatal(err)
	}
	return t
}
