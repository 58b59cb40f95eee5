package bench

// Names of the benchmarks of this package's tests.
const (
	BenchOutbox    = "BenchmarkOutboxDrain"
	BenchSQLite    = "BenchmarkAggregatorSQLite"
	BenchMongoWire = "BenchmarkAggregatorMongoWire"
	BenchFreshness = "BenchmarkFreshness"
	BenchQuery     = "BenchmarkPatientQuery"
	BenchRSS       = "BenchmarkAggregatorRSS"
)

// Benchmarks are the benchmarks the driver runs, in order.
func Benchmarks() []string {
	return []string{BenchOutbox, BenchSQLite, BenchMongoWire, BenchFreshness, BenchQuery, BenchRSS}
}

// FreshnessRates are the command rates (per second) of the freshness
// benchmark, whose sub-benchmarks are named rate=N.
var FreshnessRates = []int{100, 500}

// Units the benchmarks report their metrics in.
const (
	// UnitEvents is the rate measured: relay drain, pipeline apply.
	UnitEvents = "events/s"
	// UnitRawEvents is the raw publisher's rate of the same messages.
	UnitRawEvents = "raw-events/s"
	// UnitBulkEvents is the rate of Commit of the same batches.
	UnitBulkEvents = "bulk-events/s"
	// UnitRebuildEvents is the rebuild's replay rate.
	UnitRebuildEvents = "rebuild-events/s"
	// UnitBatches is the number of batches the pipeline committed.
	UnitBatches = "batches"

	// Freshness: latency percentiles, the command rate achieved and the
	// commands' own round-trip p99.
	UnitP50      = "p50-ms"
	UnitP95      = "p95-ms"
	UnitP99      = "p99-ms"
	UnitCommands = "commands/s"
	UnitCmdP99   = "command-p99-ms"

	// Patient query: GraphQL and API composition latencies.
	UnitGraphQLP50 = "graphql-p50-ms"
	UnitGraphQLP99 = "graphql-p99-ms"
	UnitComposeP50 = "composition-p50-ms"
	UnitComposeP99 = "composition-p99-ms"

	// Memory of the aggregator process, in MiB: the peak (VmHWM), and the
	// largest resident set sampled while the first half and while the
	// second half of the events were being applied ("flat" compares them).
	UnitPeakMiB       = "peak-MiB"
	UnitFirstHalfMiB  = "max-rss-first-half-MiB"
	UnitSecondHalfMiB = "max-rss-second-half-MiB"

	// UnitBusy is how busy the machine's CPUs were during the measurement,
	// whoever kept them busy.
	UnitBusy = "cpu-busy-%"
)
