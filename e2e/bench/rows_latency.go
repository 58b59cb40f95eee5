package bench

import "fmt"

// Targets of the latency and memory rows.
const (
	freshnessRate    = 500 // commands/s at which the freshness target holds
	freshnessP99     = 250 // ms
	querySpeedup     = 20  // GraphQL p99 vs API composition p99
	peakMemoryMiB    = 200
	flatMemoryGrowth = 1.2 // RSS at 100% vs at 25% of the events
	issueRSSEvents   = 1_000_000
)

func (t table) freshness(commandRate int) Row {
	series := fmt.Sprintf("%s/rate=%d", BenchFreshness, commandRate)
	f := t.figures(BenchFreshness, series)
	p50, p95, p99 := f.get(UnitP50), f.get(UnitP95), f.get(UnitP99)
	achieved, cmdP99, busy := f.get(UnitCommands), f.get(UnitCmdP99), f.get(UnitBusy)
	row := Row{
		Measured: fmt.Sprintf("Freshness at %d commands/s: from a command's 2xx to its event visible through GraphQL (read-your-writes check of the pending events every 10 ms), simulator for %s against the real processes on SQLite",
			commandRate, t.sizes.FreshFor),
		Figure:    fmt.Sprintf("p50 %s, p95 %s, p99 %s (%s commands/s achieved; CPU %.0f%% busy)", millis(p50), millis(p95), millis(p99), thousands(achieved), busy),
		Reference: "p99 of the commands' own round trip (to their 2xx): " + millis(cmdP99),
		Ratio:     ratio(p99/cmdP99) + " of a command's p99",
		Target:    "none at this rate (context for the next row)",
		Status:    Informative,
	}
	if commandRate == freshnessRate {
		row.Target = fmt.Sprintf("p99 < %d ms", freshnessP99)
		why := fmt.Sprintf("p99 %s over the target although the simulator achieved the rate", millis(p99))
		if achieved < 0.95*float64(commandRate) {
			why = fmt.Sprintf("the 2 shared cores were %.0f%% busy: the services accepted only %s of %d commands/s, and the aggregator, sharing the cores with them, the broker, the API and the load generator, could not keep up: events queued behind it",
				busy, thousands(achieved), commandRate)
			if alone, n := t.rs.Median(BenchSQLite, UnitEvents); n > 0 {
				why += fmt.Sprintf(" (with the machine to itself it applies %s, row 2a)", perSecond(alone, "events"))
			}
		}
		row = verdict(row, p99 < freshnessP99, why)
	}
	return f.finish(row)
}

func (t table) query() Row {
	f := t.figures(BenchQuery, BenchQuery)
	g50, g99, c50, c99 := f.get(UnitGraphQLP50), f.get(UnitGraphQLP99), f.get(UnitComposeP50), f.get(UnitComposeP99)
	row := Row{
		Measured: fmt.Sprintf("`patient` query of a patient with 100 encounters (created through the services' APIs), every record of each, GraphQL over HTTP on the SQLite read store; %d queries per run", t.sizes.Queries),
		Figure:   fmt.Sprintf("p50 %s, p99 %s", millis(g50), millis(g99)),
		Reference: fmt.Sprintf("API composition of the same answer (the four services' GET /v1/patients/{id}/... called concurrently, decoded, merged by encounter), alternating with the queries: p50 %s, p99 %s",
			millis(c50), millis(c99)),
		Ratio:  ratio(c99/g99) + " (composition p99 / GraphQL p99)",
		Target: fmt.Sprintf(">= %dx faster at p99", querySpeedup),
	}
	why := "GraphQL resolves every field of 100 encounters through graphql-go's reflective executor and decodes 100 stored documents, while each service answers one indexed query, the four in parallel, over loopback (see the note below)"
	return f.finish(verdict(row, c99/g99 >= querySpeedup, why))
}

func (t table) memory() Row {
	f := t.figures(BenchRSS, BenchRSS)
	peak, first, second, applied := f.get(UnitPeakMiB), f.get(UnitFirstHalfMiB), f.get(UnitSecondHalfMiB), f.get(UnitEvents)
	measured := fmt.Sprintf("Aggregator process (SQLite read store) peak RSS (VmHWM) while consuming %s events published at full speed, RSS sampled every 250 ms",
		thousands(float64(t.sizes.RSSEvents)))
	if t.sizes.RSSEvents < issueRSSEvents {
		measured += fmt.Sprintf("; not the issue's 1M: at the %s it applied, 1M would take %.0f min per run (-rss-events 1000000)",
			perSecond(applied, "events"), issueRSSEvents/applied/60)
	}
	row := Row{
		Measured:  measured,
		Figure:    "peak " + mib(peak),
		Reference: fmt.Sprintf("largest RSS sampled while the first half of the events was applied: %s; while the second half was: %s", mib(first), mib(second)),
		Ratio:     ratio(second/first) + " (second half / first half)",
		Target:    fmt.Sprintf("< %d MiB and flat (largest RSS of the second half <= %.1fx that of the first)", peakMemoryMiB, flatMemoryGrowth),
	}
	why := fmt.Sprintf("peak %s over the target", mib(peak))
	if second/first > flatMemoryGrowth {
		why = fmt.Sprintf("RSS grew %s from the first half of the events to the second", ratio(second/first))
	}
	return f.finish(verdict(row, peak < peakMemoryMiB && second/first <= flatMemoryGrowth, why))
}
