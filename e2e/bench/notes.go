package bench

// Notes are the paragraphs printed under the table: how the figures were
// taken and what explains the misses beyond one line.
func Notes() []string {
	return []string{
		"## How the figures are taken\n\n" +
			"Each row comes from a Go benchmark of `e2e/bench` (e.g. `go test -run '^$' -bench '^BenchmarkOutboxDrain$' " +
			"-benchtime 1x ./e2e/bench -bench.backlog 20000`), run in its own process; each repeats its whole measurement " +
			"as sub-benchmarks `run=1..N` and reports the figure and its reference from the same run, and the table shows the " +
			"median of each over the runs. The machine is shared: \"CPU busy\" counts everything that ran on it, other " +
			"people's work included. Brokers are kfake (in-process for rows 1, 2 and 5; the `broker` process for 3, 4 and 6); " +
			"rows 3, 4 and 6 run the real processes of `e2e/harness` (domain services and read store on SQLite).",
		"**Aggregator (rows 2a, 2b and 5).** The pipeline gets its events one message in flight per partition (watermill's " +
			"Kafka subscriber waits for the ack before the next message), so with 4 topics of 4 partitions a batch holds at " +
			"most 16 events; every batch waits up to `MaxWait` (2 ms) for more, loads its documents, applies and commits. " +
			"The reference replays the very batches the pipeline committed, so both sides write the same documents the same " +
			"number of times; the difference is the pipeline's own per-batch work.",
		"**Freshness (row 3).** The GraphQL process runs with `PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT=1ms`, which turns the " +
			"read-your-writes header into a non-blocking check: every 10 ms the benchmark asks, 20 events per request on " +
			"`{ __typename }` (no patient data, no access-log write), about the oldest 40 events not yet visible, and " +
			"takes the answer's arrival as the moment an event became visible. Latencies are thus exact to about 10 ms " +
			"plus one request while the read model keeps up; the checking costs at most 200 requests/s.",
		"**Patient query (row 4).** API composition is measured at its best: four idle services on the same machine, " +
			"called concurrently over loopback, with no network hop and no failure. A CPU profile of graphql/server's own " +
			"`BenchmarkPatientWith100Encounters` puts about 58% of a query in graphql-go's executor, which resolves every " +
			"field of the 100 encounters by reflection (a fifth of it reading and decoding the 100 stored documents), and " +
			"about 10% in encoding the JSON answer. Reaching 20x the composition would mean answering 100 encounters in " +
			"about a twentieth of four indexed reads: not a matter of tuning on one machine.",
		"**Memory (row 6).** Each run restarts the aggregator process, publishes patients of its own while it consumes, " +
			"and samples `/proc/<pid>/status` every 250 ms; the peak is the process's `VmHWM`. The applied count comes " +
			"from its `/metrics` (`" + AppliedMetric + "`).",
	}
}
