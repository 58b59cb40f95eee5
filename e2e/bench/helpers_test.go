package bench_test

import (
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
)

func TestSizesArgsParseBackToTheSameSizes(t *testing.T) {
	want := bench.Sizes{Runs: 5, Backlog: 1234, Events: 99, MongoEvents: 10, FreshFor: 90 * time.Second, Queries: 7, RSSEvents: 1_000_000}
	got := bench.DefaultSizes()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	got.RegisterFlags(fs, "bench.")
	if err := fs.Parse(want.Args("bench.")); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("parsed %+v, want %+v", got, want)
	}
}

func TestSizesValidateReportsEveryProblem(t *testing.T) {
	err := bench.Sizes{Runs: 0, Backlog: 1, Events: 5, MongoEvents: 10, FreshFor: time.Millisecond, Queries: 1, RSSEvents: 10}.Validate()
	for _, want := range []string{"runs", "events must be at least 10", "fresh-for"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %q", err, want)
		}
	}
	if err := bench.DefaultSizes().Validate(); err != nil {
		t.Errorf("defaults: %v", err)
	}
}

func TestScrapeSumAddsEverySeriesOfTheMetricOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `# HELP prontuario_aggregator_events_applied_total Events applied.
# TYPE prontuario_aggregator_events_applied_total counter
prontuario_aggregator_events_applied_total{topic="hospital.lab.v1",type="LabOrderPlaced"} 1500
prontuario_aggregator_events_applied_total{topic="hospital.triage.v1",type="EncounterOpened"} 2.5e3
prontuario_aggregator_events_applied_total_extra 99
prontuario_aggregator_dead_lettered_total{topic="x",kind="y"} 7
`)
	}))
	defer srv.Close()
	got, err := bench.ScrapeSum(t.Context(), srv.Client(), srv.URL, bench.AppliedMetric)
	if err != nil || got != 4000 {
		t.Errorf("ScrapeSum = %v, %v; want 4000", got, err)
	}
}

func TestMemorySamplesAtIsTheFirstSampleReachingTheFraction(t *testing.T) {
	s := bench.MemorySamples{
		{Memory: bench.Memory{RSS: 10}, Fraction: 0.1},
		{Memory: bench.Memory{RSS: 20}, Fraction: 0.3},
		{Memory: bench.Memory{RSS: 30}, Fraction: 0.9},
	}
	if got := s.At(0.25).RSS; got != 20 {
		t.Errorf("At(0.25) = %d, want 20", got)
	}
	if got := s.At(1).RSS; got != 30 {
		t.Errorf("At(1) when no sample reached it = %d, want the last, 30", got)
	}
	if got := (bench.MemorySamples{}).At(0.5); got != (bench.MemorySample{}) {
		t.Errorf("At of no samples = %+v", got)
	}
}

func TestMaxRSSBetweenTakesTheSamplesOfThatPartOfTheWorkload(t *testing.T) {
	s := bench.MemorySamples{
		{Memory: bench.Memory{RSS: 50}, Fraction: 0.1},
		{Memory: bench.Memory{RSS: 40}, Fraction: 0.4},
		{Memory: bench.Memory{RSS: 45}, Fraction: 0.6},
		{Memory: bench.Memory{RSS: 30}, Fraction: 1},
	}
	if got := s.MaxRSSBetween(0, 0.5); got != 50 {
		t.Errorf("first half = %d, want 50", got)
	}
	if got := s.MaxRSSBetween(0.5, 1.01); got != 45 {
		t.Errorf("second half = %d, want 45", got)
	}
	if got := s.MaxRSSBetween(0.7, 0.9); got != 0 {
		t.Errorf("no sample between 0.7 and 0.9, got %d", got)
	}
}
