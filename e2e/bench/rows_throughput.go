package bench

import (
	"fmt"
	"math"

	"github.com/prontuario/prontuario/internal/outbox"
)

// outboxTarget is the target drain rate, events/s.
const outboxTarget = 20_000

// minRatio is the target for apply vs bulk write and rebuild vs live.
const minRatio = 0.8

func (t table) outbox() Row {
	f := t.figures(BenchOutbox, BenchOutbox)
	drain, raw := f.get(UnitEvents), f.get(UnitRawEvents)
	row := Row{
		Measured: fmt.Sprintf("Outbox relay drain rate: PostgreSQL backlog of %s events to the in-process Kafka-protocol broker (kfake), default RelayConfig (batches of %d, %d lanes, reading the next batch while one publishes), until the broker acknowledged the last", thousands(float64(t.sizes.Backlog)), outbox.DefaultBatchSize, outbox.DefaultLanes),
		Figure:   perSecond(drain, "events"),
		Reference: fmt.Sprintf("raw publisher, same messages, same publisher configuration and concurrency (%d goroutines), no outbox: ", outbox.DefaultLanes) +
			perSecond(raw, "events"),
		Ratio:  ratio(drain/raw) + " of raw",
		Target: ">= " + perSecond(outboxTarget, "events"),
	}
	why := fmt.Sprintf("the relay reaches %.0f%% of the raw publisher: every batch of 1,000 also reads and deletes its rows in PostgreSQL (on the same 2 cores) and waits for its slowest lane before the next starts", math.Floor(100*drain/raw))
	if raw < outboxTarget {
		why = fmt.Sprintf("even the raw publisher reaches only %s here: one synchronous round trip per message (watermill-kafka's SyncProducer) with %d in flight on 2 shared cores; the relay cannot be faster than its publisher", perSecond(raw, "events"), outbox.DefaultLanes)
	}
	return f.finish(verdict(row, drain >= outboxTarget, why))
}

func (t table) apply(bench string) Row {
	f := t.figures(bench, bench)
	apply, bulk, batches := f.get(UnitEvents), f.get(UnitBulkEvents), f.get(UnitBatches)
	events, store := t.sizes.Events, "SQLite read store"
	if bench == BenchMongoWire {
		events, store = t.sizes.MongoEvents, "MongoDB store over the wire protocol to FerretDB 1.24 (NOT representative of MongoDB: every lookup by id scans a table; small on purpose)"
	}
	row := Row{
		Measured: fmt.Sprintf("Aggregator sustained apply rate, %s: the pipeline consuming %s events of %s from the topics with a new consumer group",
			store, thousands(float64(events)), plural((events+EncountersPerPatient*EventsPerEncounter-1)/(EncountersPerPatient*EventsPerEncounter), "patient")),
		Figure:    perSecond(apply, "events"),
		Reference: fmt.Sprintf("raw bulk write: Commit of the very %s batches the pipeline committed, replayed into an empty store: %s", thousands(batches), perSecond(bulk, "events")),
		Ratio:     ratio(apply / bulk),
		Target:    fmt.Sprintf(">= %.1fx", minRatio),
	}
	perBatch := float64(events) / batches
	extra := 1000 * (float64(events)/apply - float64(events)/bulk) / batches
	commit := 1000 * float64(events) / bulk / batches
	loads := "loads its documents"
	if bench == BenchMongoWire {
		loads = "loads its documents (FerretDB scans a table per id)"
	}
	why := fmt.Sprintf("batches are small (%.1f events: one message in flight per partition, 16 partitions) and each also waits up to MaxWait (2 ms) for more events, %s and applies them: %.1f ms more per batch than its %.1f ms Commit",
		perBatch, loads, extra, commit)
	return f.finish(verdict(row, apply/bulk >= minRatio, why))
}

func (t table) rebuild() Row {
	f := t.figures(BenchSQLite, BenchSQLite)
	rebuilt, live := f.get(UnitRebuildEvents), f.get(UnitEvents)
	row := Row{
		Measured: fmt.Sprintf("Rebuild rate: aggregator/rebuild.Run replaying the same %s events from the topics into a new SQLite generation, until it held them all (the switch after is not counted)",
			thousands(float64(t.sizes.Events))),
		Figure:    perSecond(rebuilt, "events"),
		Reference: "live apply rate of row 2a, same events, same runs: " + perSecond(live, "events"),
		Ratio:     ratio(rebuilt / live),
		Target:    fmt.Sprintf(">= %.1fx", minRatio),
	}
	why := "the rebuild runs the live pipeline with its own consumer group, so it shares its limits, plus polling its progress and a fresh generation's schema"
	return f.finish(verdict(row, rebuilt/live >= minRatio, why))
}
