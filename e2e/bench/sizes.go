package bench

import (
	"errors"
	"flag"
	"fmt"
	"time"
)

// Sizes are the workloads of a run. The driver takes them as flags and
// passes them on to the benchmarks, which register the same flags with the
// prefix "bench." (see [Sizes.RegisterFlags]).
type Sizes struct {
	// Runs is how many times each figure is measured; the table shows the
	// median. Default 3.
	Runs int
	// Backlog is the number of events waiting in the outbox when the relay
	// starts. Default 100,000.
	Backlog int
	// Events is the number of events the aggregator applies on SQLite, and
	// the rebuild replays. Default 15,000 (about 15 s at ~1k events/s).
	Events int
	// MongoEvents is the number of events applied over the MongoDB wire
	// protocol. FerretDB scans a whole table per lookup by id (about 30
	// events/s here), so keep it small. Default 300.
	MongoEvents int
	// FreshFor is how long commands are sent at each rate of the freshness
	// benchmark, per run. Default 20s.
	FreshFor time.Duration
	// Queries is how many patient queries, and as many API compositions,
	// each run times. Default 200.
	Queries int
	// RSSEvents is the number of events the real aggregator process
	// consumes while its memory is sampled. Default 250,000: at the ~1.2k
	// events/s it applies on SQLite here, the million takes about
	// 15 minutes per run, so `make bench-memory` runs that once on its own.
	RSSEvents int
}

// DefaultSizes are sized for `make bench` to take 10 to 15 minutes on two cores.
func DefaultSizes() Sizes {
	return Sizes{Runs: 3, Backlog: 100_000, Events: 15_000, MongoEvents: 300,
		FreshFor: 20 * time.Second, Queries: 200, RSSEvents: 250_000}
}

// RegisterFlags defines one flag per field on fs, named prefix + the
// lowercase field name ("runs", "backlog", "events", "mongo-events",
// "fresh-for", "queries", "rss-events"), with s's values as defaults.
func (s *Sizes) RegisterFlags(fs *flag.FlagSet, prefix string) {
	fs.IntVar(&s.Runs, prefix+"runs", s.Runs, "`runs` of every measurement; the table shows medians")
	fs.IntVar(&s.Backlog, prefix+"backlog", s.Backlog, "outbox backlog `events` the relay drains (PostgreSQL)")
	fs.IntVar(&s.Events, prefix+"events", s.Events, "`events` the aggregator applies on SQLite and the rebuild replays")
	fs.IntVar(&s.MongoEvents, prefix+"mongo-events", s.MongoEvents, "`events` applied over the MongoDB wire protocol (FerretDB: keep it small)")
	fs.DurationVar(&s.FreshFor, prefix+"fresh-for", s.FreshFor, "how long commands are sent at each rate of the freshness benchmark, per run")
	fs.IntVar(&s.Queries, prefix+"queries", s.Queries, "patient `queries` (and as many API compositions) timed per run")
	fs.IntVar(&s.RSSEvents, prefix+"rss-events", s.RSSEvents, "`events` the aggregator process consumes while its memory is sampled")
}

// Args renders s as the flags RegisterFlags(fs, prefix) defines.
func (s Sizes) Args(prefix string) []string {
	return []string{
		fmt.Sprintf("-%sruns=%d", prefix, s.Runs),
		fmt.Sprintf("-%sbacklog=%d", prefix, s.Backlog),
		fmt.Sprintf("-%sevents=%d", prefix, s.Events),
		fmt.Sprintf("-%smongo-events=%d", prefix, s.MongoEvents),
		fmt.Sprintf("-%sfresh-for=%s", prefix, s.FreshFor),
		fmt.Sprintf("-%squeries=%d", prefix, s.Queries),
		fmt.Sprintf("-%srss-events=%d", prefix, s.RSSEvents),
	}
}

// Validate reports every size out of range, joined.
func (s Sizes) Validate() error {
	var errs []error
	atLeast := func(name string, v, low int) {
		if v < low {
			errs = append(errs, fmt.Errorf("%s must be at least %d, got %d", name, low, v))
		}
	}
	atLeast("runs", s.Runs, 1)
	atLeast("backlog", s.Backlog, 1)
	atLeast("events", s.Events, EventsPerEncounter)
	atLeast("mongo-events", s.MongoEvents, EventsPerEncounter)
	atLeast("queries", s.Queries, 1)
	atLeast("rss-events", s.RSSEvents, EventsPerEncounter)
	if s.FreshFor < time.Second {
		errs = append(errs, fmt.Errorf("fresh-for must be at least 1s, got %s", s.FreshFor))
	}
	return errors.Join(errs...)
}
