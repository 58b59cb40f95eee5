package bench_test

import (
	"math"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []float64
		want float64
	}{
		{"odd_count_is_the_middle_value", []float64{9, 1, 5}, 5},
		{"even_count_is_the_mean_of_the_two_middle_values", []float64{4, 1, 3, 10}, 3.5},
		{"one_value_is_itself", []float64{7}, 7},
		{"an_outlier_does_not_move_it", []float64{20000, 21000, 1}, 20000},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := append([]float64(nil), c.in...)
			if got := bench.Median(in); got != c.want {
				t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
			}
			for i := range in {
				if in[i] != c.in[i] {
					t.Fatalf("Median reordered its input: %v", in)
				}
			}
		})
	}
	if got := bench.Median(nil); !math.IsNaN(got) {
		t.Errorf("Median(nil) = %v, want NaN", got)
	}
}

func TestPercentileIsTheNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- { // 100 ms .. 1 ms, unsorted
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 95: 95 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond, 0.1: time.Millisecond} {
		if got := bench.Percentile(ds, p); got != want {
			t.Errorf("p%v = %s, want %s", p, got, want)
		}
	}
	if got := bench.Percentile([]time.Duration{3 * time.Second}, 99); got != 3*time.Second {
		t.Errorf("p99 of one value = %s", got)
	}
	if got := bench.Percentile(nil, 50); got != 0 {
		t.Errorf("p50 of nothing = %s, want 0", got)
	}
}

func TestParseResult(t *testing.T) {
	r, ok := bench.ParseResult("BenchmarkFreshness/rate=500/run=2-2   \t       1\t12088153173 ns/op\t        67.96 command-p99-ms\t      1667 p50-ms")
	if !ok || r.Name != "BenchmarkFreshness/rate=500/run=2" || r.Series() != "BenchmarkFreshness/rate=500" ||
		r.Metrics["p50-ms"] != 1667 || r.Metrics["command-p99-ms"] != 67.96 || r.Metrics["ns/op"] != 12088153173 {
		t.Errorf("ParseResult = %+v, %v", r, ok)
	}
	for _, line := range []string{
		"goos: linux", "PASS", "--- FAIL: BenchmarkOutboxDrain/run=1",
		"    outbox_bench_test.go:56: relay: only 10 of 20 messages",
		"BenchmarkX-2 \t 1 \t 12 ns/op \t oops events/s",
		"09:00:48 bench: sqlite: apply 983/s",
	} {
		if r, ok := bench.ParseResult(line); ok {
			t.Errorf("ParseResult(%q) = %+v, want no result", line, r)
		}
	}
}

func TestResultsMedianIsPerSeriesAndUnit(t *testing.T) {
	rs := bench.Results{
		{Name: "BenchmarkOutboxDrain/run=1", Metrics: map[string]float64{"events/s": 21000, "raw-events/s": 1}},
		{Name: "BenchmarkOutboxDrain/run=2", Metrics: map[string]float64{"events/s": 15000}},
		{Name: "BenchmarkOutboxDrain/run=3", Metrics: map[string]float64{"events/s": 19000}},
		{Name: "BenchmarkAggregatorSQLite/run=1", Metrics: map[string]float64{"events/s": 5}},
	}
	if v, n := rs.Median("BenchmarkOutboxDrain", "events/s"); v != 19000 || n != 3 {
		t.Errorf("median = %v over %d runs, want 19000 over 3", v, n)
	}
	if v, n := rs.Median("BenchmarkOutboxDrain", "raw-events/s"); v != 1 || n != 1 {
		t.Errorf("median of a metric one run reported = %v over %d", v, n)
	}
	if v, n := rs.Median("BenchmarkOutboxDrain", "p99-ms"); !math.IsNaN(v) || n != 0 {
		t.Errorf("median of a metric nobody reported = %v over %d, want NaN over 0", v, n)
	}
}
