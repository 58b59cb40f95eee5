package bench_test

import (
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
)

// results are three runs of the outbox benchmark with the given drain rates
// (the raw publisher at 25,000/s).
func outboxResults(drains ...float64) bench.Results {
	var rs bench.Results
	for i, d := range drains {
		rs = append(rs, bench.Result{Name: "BenchmarkOutboxDrain/run=" + string(rune('1'+i)),
			Metrics: map[string]float64{bench.UnitEvents: d, bench.UnitRawEvents: 25000}})
	}
	return rs
}

func rowNamed(t *testing.T, rows []bench.Row, prefix string) bench.Row {
	t.Helper()
	for _, r := range rows {
		if strings.HasPrefix(r.Measured, prefix) {
			return r
		}
	}
	t.Fatalf("no row starts with %q", prefix)
	return bench.Row{}
}

func TestRowsJudgeTheMedianAgainstTheTarget(t *testing.T) {
	sizes := bench.DefaultSizes()
	met := rowNamed(t, bench.Rows(outboxResults(15000, 21436, 20500), sizes, nil), "Outbox")
	if met.Status != bench.Met || met.Figure != "20,500 events/s" || met.Ratio != "0.82x of raw" || met.Why != "" {
		t.Errorf("median 20,500/s against >= 20,000/s: %+v", met)
	}
	missed := rowNamed(t, bench.Rows(outboxResults(21000, 18000, 17000), sizes, nil), "Outbox")
	if missed.Status != bench.Missed || missed.Figure != "18,000 events/s" || !strings.Contains(missed.Why, "72% of the raw publisher") {
		t.Errorf("median 18,000/s against >= 20,000/s: %+v", missed)
	}
	edge := rowNamed(t, bench.Rows(bench.Results{{Name: "BenchmarkAggregatorSQLite/run=1",
		Metrics: map[string]float64{bench.UnitEvents: 1000, bench.UnitRebuildEvents: 799.6}}}, bench.Sizes{Runs: 1}, nil), "Rebuild")
	if edge.Status != bench.Missed || edge.Ratio != "0.79x" {
		t.Errorf("a ratio of 0.7996 against >= 0.8x must read as missed, not 0.80x: %+v", edge)
	}
	partial := rowNamed(t, bench.Rows(outboxResults(21000, 22000), sizes, nil), "Outbox")
	if !strings.Contains(partial.Figure, "median of 2 runs only") {
		t.Errorf("a median over 2 of 3 runs does not say so: %+v", partial)
	}
}

func TestRowsOfAFailedBenchmarkAreNotMeasuredAndSayWhy(t *testing.T) {
	rows := bench.Rows(outboxResults(21000, 22000, 23000), bench.DefaultSizes(),
		map[string]string{bench.BenchQuery: "the two answers differ"})
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, " "); got != "1 2a 2b 3a 3b 4 5 6" {
		t.Fatalf("rows %s, want the issue's 1 2a 2b 3a 3b 4 5 6", got)
	}
	query := rowNamed(t, rows, "`patient` query")
	if query.Status != bench.NotMeasured || query.Why != "the two answers differ" || query.Figure != "" {
		t.Errorf("failed benchmark's row: %+v", query)
	}
	rebuild := rowNamed(t, rows, "Rebuild")
	if rebuild.Status != bench.NotMeasured || !strings.Contains(rebuild.Why, "reported no") {
		t.Errorf("row without results nor failure: %+v", rebuild)
	}
}

func TestMarkdownIsOneTableWithItsContext(t *testing.T) {
	r := bench.Report{
		Machine: bench.Machine{Cores: 2, CPU: "AMD EPYC", Memory: 24 << 30, Kernel: "6.1", GoVersion: "go1.26.8",
			Date: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
		Command: "go run ./e2e/cmd/bench -runs 3", Runs: 3, Took: 12*time.Minute + 3*time.Second,
		Rows: []bench.Row{
			{ID: "2a", Measured: "a | b", Figure: "1 events/s", Reference: "2 events/s", Ratio: "0.50x", Target: ">= 0.8x", Status: bench.Missed, Why: "too slow"},
			{Measured: "c", Figure: "p99 10 ms", Status: bench.Informative},
		},
		Notes: []string{"A note."},
	}
	md := r.Markdown()
	for _, want := range []string{
		"`go run ./e2e/cmd/bench -runs 3` on 2026-03-02 10:00 UTC in 12m3s",
		"2 cores (AMD EPYC), 24.0 GiB RAM, Linux 6.1, go1.26.8",
		"median of 3 runs",
		"| 2a | a \\| b | 1 events/s | 2 events/s | 0.50x | >= 0.8x | **missed**: too slow |",
		"| 2 | c | p99 10 ms | - | - | - | no target |",
		"\nA note.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if n := strings.Count(md, "\n| "); n != 3 {
		t.Errorf("%d table lines, want a header and 2 rows:\n%s", n, md)
	}
}
