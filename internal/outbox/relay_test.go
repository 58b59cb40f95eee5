package outbox_test

import (
	"context"
	"errors"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// startRelay runs a relay until the test ends and returns it.
func startRelay(t *testing.T, db *sqldb.DB, pub outbox.Publisher, cfg outbox.RelayConfig) *outbox.Relay {
	t.Helper()
	r, err := outbox.NewRelay(db, pub, cfg, nil)
	if err != nil {
		t.Fatalf("NewRelay: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return r
}

func stats(t *testing.T, r *outbox.Relay) outbox.Stats {
	t.Helper()
	s, err := r.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return s
}

func TestRelayPublishesEveryEventOnceInOrderPerRecord(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		want := appendAll(t, db, "order", 40, 5, 7)
		pub := &fakePublisher{}
		r := startRelay(t, db, pub, outbox.RelayConfig{BatchSize: 30, Lanes: 4})
		eventually(t, "outbox drained", func() bool { return backlog(t, db) == 0 })

		got := pub.deliveries()
		checkDelivered(t, want, got)
		if len(got) != len(want) {
			t.Errorf("delivered %d messages, want exactly %d with a healthy broker", len(got), len(want))
		}
		if s := stats(t, r); s.Published != uint64(len(want)) || s.Backlog != 0 || s.OldestAge != 0 {
			t.Errorf("Stats = %+v, want %d published and an empty backlog", s, len(want))
		}
		// Each message is the event as contracts.Encode renders it.
		byID := map[string]delivery{}
		for _, d := range got {
			byID[d.eventID] = d
		}
		for _, e := range want[:5] {
			msg, err := contracts.Encode(e)
			if err != nil {
				t.Fatal(err)
			}
			d := byID[e.ID]
			if d.topic != contracts.TopicTriage || !maps.Equal(d.metadata, msg.Headers) || string(d.body) != string(msg.Body) {
				t.Errorf("event %s published as topic %s, headers %v, body %s; want %s, %v, %s",
					e.ID, d.topic, d.metadata, d.body, contracts.TopicTriage, msg.Headers, msg.Body)
			}
		}
	})
}

func TestRelayKeepsEverythingWhilePublishingFailsAndDrainsInOrderAfterwards(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		pub := &fakePublisher{down: true}
		r := startRelay(t, db, pub, outbox.RelayConfig{BatchSize: 25, Lanes: 3, MinBackoff: 5 * time.Millisecond, MaxBackoff: 50 * time.Millisecond})
		first := appendAll(t, db, "outage1", 10, 3, 1)
		eventually(t, "failed batches are counted", func() bool { return stats(t, r).FailedBatches >= 3 })

		// Commands keep committing while the broker is down.
		second := appendAll(t, db, "outage2", 10, 3, 1)
		s := stats(t, r)
		if s.Backlog != len(first)+len(second) || s.OldestAge <= 0 {
			t.Errorf("Stats during the outage = %+v, want a backlog of %d with a positive age", s, len(first)+len(second))
		}

		pub.setDown(false)
		eventually(t, "outbox drained after recovery", func() bool { return backlog(t, db) == 0 })
		checkDelivered(t, append(first, second...), pub.deliveries())
	})
}

func TestRelayNeverLetsALaterVersionOvertakeAFailedOne(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		want := appendAll(t, db, "overtake", 6, 4, 24)
		failOnce := map[string]bool{}
		for _, e := range want {
			if e.AggregateVersion == 2 {
				failOnce[e.ID] = true
			}
		}
		pub := &fakePublisher{failOnce: failOnce}
		startRelay(t, db, pub, outbox.RelayConfig{Lanes: 2, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond})
		eventually(t, "outbox drained", func() bool { return backlog(t, db) == 0 })
		checkDelivered(t, want, pub.deliveries())
	})
}

func TestRelayIsWokenByACommitWithoutWaitingForThePoll(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		first := appendAll(t, db, "wake1", 1, 1, 1)
		pub := &fakePublisher{}
		startRelay(t, db, pub, outbox.RelayConfig{PollInterval: time.Hour})
		eventually(t, "first event delivered", func() bool { return len(pub.deliveries()) == 1 })
		// The relay has drained the outbox and waits; with an hour between
		// polls, only the commit's wake-up can bring it back.
		second := appendAll(t, db, "wake2", 1, 1, 1)
		eventually(t, "second event delivered", func() bool { return len(pub.deliveries()) == 2 })
		checkDelivered(t, append(first, second...), pub.deliveries())
	})
}

func TestRelayOnPostgresIsWokenByAnotherProcessCommit(t *testing.T) {
	t.Parallel()
	url := postgresURL(t)
	relayDB, commandDB := openDB(t, url), openDB(t, url)
	first := appendAll(t, commandDB, "notify1", 1, 1, 1)
	pub := &fakePublisher{}
	startRelay(t, relayDB, pub, outbox.RelayConfig{PollInterval: time.Hour})
	eventually(t, "first event delivered", func() bool { return len(pub.deliveries()) == 1 })
	// The relay waits, an hour from its next poll: only NOTIFY can wake it.
	second := appendAll(t, commandDB, "notify2", 1, 1, 1)
	eventually(t, "second event delivered", func() bool { return len(pub.deliveries()) == 2 })
	checkDelivered(t, append(first, second...), pub.deliveries())
}

func TestSeveralRelaysOnPostgresKeepEachRecordInOrder(t *testing.T) {
	t.Parallel()
	url := postgresURL(t)
	db := openDB(t, url)
	want := appendAll(t, db, "multi", 30, 6, 15)
	pub := &fakePublisher{delay: 200 * time.Microsecond}
	for range 3 {
		startRelay(t, openDB(t, url), pub, outbox.RelayConfig{BatchSize: 20, Lanes: 4, PollInterval: 20 * time.Millisecond})
	}
	eventually(t, "outbox drained", func() bool { return backlog(t, db) == 0 })
	got := pub.deliveries()
	checkDelivered(t, want, got)
	if len(got) != len(want) {
		t.Errorf("delivered %d messages, want %d: relays published the same rows twice", len(got), len(want))
	}
}

func TestRelayFinishesItsBatchWhenStopped(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		want := appendAll(t, db, "stop", 20, 5, 100)
		ctx, cancel := context.WithCancel(t.Context())
		pub := &fakePublisher{delay: time.Millisecond, onPub: func(n int) {
			if n == 10 {
				cancel() // stop in the middle of the first batch
			}
		}}
		r, err := outbox.NewRelay(db, pub, outbox.RelayConfig{BatchSize: 50, Lanes: 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Run(ctx); err != nil {
			t.Fatalf("Run = %v, want nil on a graceful stop", err)
		}
		published := len(pub.deliveries())
		if published < 50 {
			t.Errorf("published %d events, want the whole first batch of 50 finished", published)
		}
		if left := backlog(t, db); left+published != len(want) {
			t.Errorf("backlog %d + published %d != %d appended: a published row was kept or an unpublished one deleted", left, published, len(want))
		}
	})
}

func TestRelayRunsOnceAtATime(t *testing.T) {
	t.Parallel()
	db := openDB(t, "sqlite:"+t.TempDir()+"/x.db")
	appendAll(t, db, "once", 1, 1, 1)
	pub := &fakePublisher{}
	r := startRelay(t, db, pub, outbox.RelayConfig{})
	eventually(t, "first Run publishes", func() bool { return len(pub.deliveries()) == 1 })
	if err := r.Run(t.Context()); !errors.Is(err, outbox.ErrAlreadyRunning) {
		t.Errorf("second Run = %v, want ErrAlreadyRunning", err)
	}
}

func TestRelayConfigValidateReportsEveryProblem(t *testing.T) {
	t.Parallel()
	err := outbox.RelayConfig{BatchSize: -1, Lanes: 5000, PollInterval: -time.Second, MinBackoff: time.Second, MaxBackoff: time.Millisecond}.WithDefaults().Validate()
	for _, want := range []string{"BatchSize", "Lanes", "PollInterval", "MinBackoff"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to mention %s", err, want)
		}
	}
	if err := (outbox.RelayConfig{}).WithDefaults().Validate(); err != nil {
		t.Errorf("defaults do not validate: %v", err)
	}
}
