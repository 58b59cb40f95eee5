package bench

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Result is one result line of `go test -bench` output.
type Result struct {
	// Name is the benchmark's full name without the -GOMAXPROCS suffix,
	// e.g. "BenchmarkFreshness/rate=500/run=2".
	Name string
	// Metrics holds every value by unit, e.g. "events/s", "ns/op".
	Metrics map[string]float64
}

// runSuffix is how a repetition is named: the last element run=N.
var runSuffix = regexp.MustCompile(`/run=\d+$`)

// Series is the name of the figure the result is one run of: Name without
// its trailing "/run=N".
func (r Result) Series() string { return runSuffix.ReplaceAllString(r.Name, "") }

// ParseResult parses a line such as
//
//	BenchmarkOutboxDrain/run=1-2   1   4161532751 ns/op   24030 events/s
//
// and reports false for any other line (logs, PASS, ok ...).
func ParseResult(line string) (Result, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 || !strings.HasPrefix(f[0], "Benchmark") {
		return Result{}, false
	}
	if _, err := strconv.ParseInt(f[1], 10, 64); err != nil {
		return Result{}, false
	}
	r := Result{Name: trimProcs(f[0]), Metrics: make(map[string]float64, len(f)/2-1)}
	for i := 2; i < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return Result{}, false
		}
		r.Metrics[f[i+1]] = v
	}
	return r, true
}

// trimProcs removes the "-N" GOMAXPROCS suffix go test appends to names.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}

// Results are the results of a whole run of the driver.
type Results []Result

// Median returns the median, over the runs of series, of the metric in
// unit, and how many runs reported it (NaN and 0 when none did).
func (rs Results) Median(series, unit string) (float64, int) {
	var xs []float64
	for _, r := range rs {
		if v, ok := r.Metrics[unit]; ok && r.Series() == series {
			xs = append(xs, v)
		}
	}
	if len(xs) == 0 {
		return math.NaN(), 0
	}
	return Median(xs), len(xs)
}
