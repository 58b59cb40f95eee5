package bench_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
	"github.com/prontuario/prontuario/e2e/harness"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// BenchmarkAggregatorRSS measures the memory of the real aggregator process
// (SQLite read store) while it consumes sizes.RSSEvents events published as
// fast as the broker takes them: its peak resident set (VmHWM) and its
// largest resident set while the first and while the second half of the
// events were applied, sampled every 250 ms. Each run restarts the
// process, so that its peak covers that run only, and publishes patients of
// its own.
func BenchmarkAggregatorRSS(b *testing.B) {
	bins := shared.binaries(b)
	h := harness.Start(b, bins, harness.Options{})
	pub, err := kafkax.NewPublisher(kafkax.Config{Brokers: []string{h.BrokerAddr}, ClientID: "bench"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = pub.Close() })
	client := &http.Client{Timeout: 10 * time.Second}
	run := 0
	eachRun(b, func(b *testing.B) {
		run++
		h.Aggregator.Restart(b)
		pid, err := bench.ChildPID(bins.Path("aggregator"))
		if err != nil {
			b.Fatal(err)
		}
		w := bench.Workload{Prefix: fmt.Sprintf("rss%d", run), Events: sizes.RSSEvents}
		ctx, stop := context.WithCancel(b.Context())
		defer stop()
		published := make(chan error, 1)
		cpu := readCPU(b)
		start := time.Now()
		go func() { _, err := bench.PublishPatients(ctx, pub, w.Patients(), 64); published <- err }()
		samples := sampleMemory(b, pid, client, h.URL["aggregator"]+"/metrics", w.Events)
		took := time.Since(start)
		if err := <-published; err != nil {
			b.Fatalf("publish: %v", err)
		}
		busy := bench.BusyPercent(cpu, readCPU(b))
		end, err := bench.ReadMemory(pid)
		if err != nil {
			b.Fatal(err)
		}
		// The kernel updates VmHWM lazily; a sample may have seen more.
		peak := max(end.Peak, samples.MaxRSS())
		firstHalf, secondHalf := samples.MaxRSSBetween(0, 0.5), samples.MaxRSSBetween(0.5, 1.01)
		say("aggregator memory: peak %.0f MiB; largest RSS %.0f MiB in the first half and %.0f MiB in the second half of %d events (%.0f/s; CPU %.0f%% busy)",
			bench.MiB(peak), bench.MiB(firstHalf), bench.MiB(secondHalf), w.Events, rate(w.Events, took), busy)
		b.ReportMetric(bench.MiB(peak), bench.UnitPeakMiB)
		b.ReportMetric(bench.MiB(firstHalf), bench.UnitFirstHalfMiB)
		b.ReportMetric(bench.MiB(secondHalf), bench.UnitSecondHalfMiB)
		b.ReportMetric(rate(w.Events, took), bench.UnitEvents)
		b.ReportMetric(busy, bench.UnitBusy)
	})
}

// sampleMemory samples the process's memory and the events it applied
// every 250 ms until it applied events of them (duplicates, redelivered
// after the restart, count too: a negligible head start).
func sampleMemory(b *testing.B, pid int, client *http.Client, metricsURL string, events int) bench.MemorySamples {
	b.Helper()
	deadline := time.Now().Add(2*time.Minute + time.Duration(events)*10*time.Millisecond)
	var samples bench.MemorySamples
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		m, err := bench.ReadMemory(pid)
		if err != nil {
			b.Fatalf("the aggregator process is gone: %v", err)
		}
		applied, err := bench.ScrapeSum(b.Context(), client, metricsURL, bench.AppliedMetric)
		if err != nil {
			b.Fatal(err)
		}
		samples = append(samples, bench.MemorySample{Memory: m, Fraction: applied / float64(events)})
		if applied >= float64(events) {
			return samples
		}
		if time.Now().After(deadline) {
			b.Fatalf("the aggregator applied only %.0f of %d events in time", applied, events)
		}
		<-tick.C
	}
}
