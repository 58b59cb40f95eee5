// Package bench measures Prontuario against the targets of the
// "Benchmarks" issue and renders the results as one table (BENCHMARKS.md).
//
// The measurements are Go benchmarks in this package's test files: they need
// the test infrastructure (an in-process Kafka-protocol broker, a throwaway
// PostgreSQL cluster, FerretDB, and the real processes of e2e/harness), which
// takes a testing.TB. Each benchmark repeats its measurement as sub-benchmarks
// named run=1, run=2, ... and reports its figures with b.ReportMetric, the
// figure and its reference side by side in the same run. The driver
// (e2e/cmd/bench) runs them with -benchtime=1x, reads their output with
// [ParseResult], takes the median of every metric over the runs ([Results])
// and builds the table ([Rows], [Report]). The code the benchmarks share
// lives here too: the event workload, the store recorder, the freshness
// tracker, the API composition client and the memory sampler.
//
// Run the whole table with `make bench`; one benchmark by hand with e.g.
//
//	go test -run '^$' -bench '^BenchmarkOutboxDrain$' -benchtime 1x ./e2e/bench -bench.backlog 20000
package bench
