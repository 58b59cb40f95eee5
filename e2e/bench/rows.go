package bench

import (
	"fmt"
	"strings"
)

// Rows builds the table, in the order, from the results of a run
// with sizes s. failed holds, by benchmark name, why a benchmark did not
// finish; rows lacking figures are marked NotMeasured with that reason.
func Rows(rs Results, s Sizes, failed map[string]string) []Row {
	t := table{rs: rs, sizes: s, failed: failed}
	rows := []Row{t.outbox(), t.apply(BenchSQLite), t.apply(BenchMongoWire)}
	rows[0].ID, rows[1].ID, rows[2].ID = "1", "2a", "2b"
	for i, r := range FreshnessRates {
		row := t.freshness(r)
		row.ID = fmt.Sprintf("3%c", 'a'+i)
		rows = append(rows, row)
	}
	query, rebuild, memory := t.query(), t.rebuild(), t.memory()
	query.ID, rebuild.ID, memory.ID = "4", "5", "6"
	return append(rows, query, rebuild, memory)
}

// table holds what every row is built from.
type table struct {
	rs     Results
	sizes  Sizes
	failed map[string]string
}

// figures reads the medians of one series, noting what is missing and
// over how few runs the medians are.
type figures struct {
	t       table
	bench   string
	series  string
	runs    int
	missing []string
}

func (t table) figures(bench, series string) *figures {
	return &figures{t: t, bench: bench, series: series, runs: t.sizes.Runs}
}

// get returns the median of the metric in unit.
func (f *figures) get(unit string) float64 {
	v, n := f.t.rs.Median(f.series, unit)
	if n == 0 {
		f.missing = append(f.missing, unit)
	}
	f.runs = min(f.runs, n)
	return v
}

// finish returns row as built when every figure was there; otherwise the
// row marked NotMeasured, saying why. A median over fewer runs than asked
// says so.
func (f *figures) finish(row Row) Row {
	if len(f.missing) > 0 {
		why := f.t.failed[f.bench]
		if why == "" {
			why = fmt.Sprintf("%s reported no %s", f.series, strings.Join(f.missing, ", "))
		}
		return Row{Measured: row.Measured, Target: row.Target, Status: NotMeasured, Why: why}
	}
	if f.runs < f.t.sizes.Runs {
		row.Figure += fmt.Sprintf(" (median of %d runs only)", f.runs)
	}
	return row
}

// verdict is Met when ok, else Missed with why.
func verdict(row Row, ok bool, why string) Row {
	row.Status, row.Why = Met, ""
	if !ok {
		row.Status, row.Why = Missed, why
	}
	return row
}
