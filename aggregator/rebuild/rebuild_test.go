package rebuild_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/rebuild"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/contracts"
)

// TestRebuildYieldsTheLiveReadModelAndSwitchesReadersToIt rebuilds while the
// live aggregator keeps consuming and new events, and poison, keep arriving:
// the rebuilt generation, once the live aggregator has caught up in it,
// holds exactly what a clean build of every message holds, in every
// collection (patients, encounters, billable items, audit trail, dead
// letters, freshness offsets and counts), and the old generation is kept.
func TestRebuildYieldsTheLiveReadModelAndSwitchesReadersToIt(t *testing.T) {
	r := newRig(t)
	r.startLive()
	var first []contracts.Event
	for i, pid := range []string{"P-1", "P-2", "P-3"} {
		first = append(first, encounterEvents(t, pid, "E-"+pid, i)...)
	}
	publish(t, r.pub, r.topics, first)
	r.publishPoison(first[0])
	r.settled(r.live.ConsumerGroup)
	old, err := r.store.ActiveGeneration(context.Background())
	if err != nil {
		t.Fatal(err)
	}

	var prog progress
	done := runRebuild(t, r, rebuild.Config{Generation: "g_test", KeepOld: true, Progress: &prog}, r.store)
	waitFor(t, "the rebuild to start replaying", func() bool { return strings.Contains(prog.String(), "replaying [") })
	during := append(encounterEvents(t, "P-4", "E-P-4", 3), encounterEvents(t, "P-1", "E-P-1b", 4)...)
	publish(t, r.pub, r.topics, during)
	r.publishPoison(during[0])
	res := wait(t, done)

	if active, _ := r.store.ActiveGeneration(context.Background()); active != "g_test" || res.Previous != old {
		t.Fatalf("active generation %q after rebuild (previous %q), want g_test after %q", active, res.Previous, old)
	}
	if res.Replayed < int64(len(first)+1) {
		t.Errorf("replayed %d messages, want at least the %d published before", res.Replayed, len(first)+1)
	}
	if !strings.Contains(prog.String(), "ETA") {
		t.Errorf("no progress bar printed: %q", prog.String())
	}
	r.settled(r.live.ConsumerGroup)
	patients := []string{"P-1", "P-2", "P-3", "P-4"}
	got := snapshot(t, r.store, r.path, patients)
	want := snapshot(t, r.control(), r.controlPath(), patients)
	if got != want {
		t.Fatalf("rebuilt model differs from a clean build:\nrebuilt %s\nclean   %s", got, want)
	}
	if !strings.Contains(got, `"deadLetters":["`) || strings.Count(got, " prontuario/triage") != 2 {
		t.Errorf("the rebuilt model does not hold both dead letters: %s", got)
	}
	kept, err := r.store.OpenGeneration(context.Background(), old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kept.Patient(context.Background(), "P-2"); err != nil {
		t.Errorf("KeepOld: the old generation lost patient P-2: %v", err)
	}
}

// TestRebuildDropsTheOldGenerationOnlyAfterTheSwitch rebuilds without
// KeepOld: the old generation is dropped, but only after readers were
// switched and the rebuilt generation holds everything, and while it still
// held its data until then.
func TestRebuildDropsTheOldGenerationOnlyAfterTheSwitch(t *testing.T) {
	r := newRig(t)
	r.startLive()
	events := encounterEvents(t, "P-1", "E-P-1", 0)
	publish(t, r.pub, r.topics, events)
	r.settled(r.live.ConsumerGroup)
	patients := []string{"P-1"}
	before := snapshot(t, r.store, r.path, patients)
	old, err := r.store.ActiveGeneration(context.Background())
	if err != nil {
		t.Fatal(err)
	}

	gens := &watchedGenerations{t: t, Store: r.store, path: r.path, patients: patients, want: before}
	res := wait(t, runRebuild(t, r, rebuild.Config{Generation: "g_new"}, gens))
	if res.Previous != old {
		t.Fatalf("previous generation %q, want %q", res.Previous, old)
	}
	if want := []string{"activate g_new", "drop " + old}; !slices.Equal(gens.calls(), want) {
		t.Fatalf("generation calls %v, want %v", gens.calls(), want)
	}
	if registered(t, r.path, old) {
		t.Errorf("generation %s is still registered after the rebuild", old)
	}
	if after := snapshot(t, r.store, r.path, patients); after != before {
		t.Fatalf("rebuilt model differs from the live one:\nlive    %s\nrebuilt %s", before, after)
	}
}

// watchedGenerations records the rebuild's switch and drop and checks, when
// the old generation is dropped, that readers are already on the new one,
// that the new one holds the whole read model, and that the old one still
// held its data.
type watchedGenerations struct {
	t *testing.T
	*sqlitestore.Store
	path     string
	patients []string
	want     string

	mu  sync.Mutex
	log []string
}

func (w *watchedGenerations) ActivateGeneration(ctx context.Context, name string) error {
	w.record("activate " + name)
	return w.Store.ActivateGeneration(ctx, name)
}

func (w *watchedGenerations) DropGeneration(ctx context.Context, name string) error {
	w.record("drop " + name)
	active, err := w.ActiveGeneration(ctx)
	if err != nil {
		return err
	}
	if active == name {
		w.t.Errorf("dropping %s while it is active", name)
	}
	if got := snapshot(w.t, w.Store, w.path, w.patients); got != w.want {
		w.t.Errorf("dropping %s before the active generation %s holds the read model:\n got %s\nwant %s", name, active, got, w.want)
	}
	if oldGen, err := w.OpenGeneration(ctx, name); err != nil {
		w.t.Errorf("open %s: %v", name, err)
	} else if _, err := oldGen.Patient(ctx, w.patients[0]); err != nil {
		w.t.Errorf("generation %s lost its data before it was dropped: %v", name, err)
	}
	return w.Store.DropGeneration(ctx, name)
}

func (w *watchedGenerations) record(call string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.log = append(w.log, call)
}

func (w *watchedGenerations) calls() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.log)
}

// registered reports whether the store at path still knows the generation.
func registered(t *testing.T, path, name string) bool {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_query_only=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM generations WHERE name = ?`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

type rebuilt struct {
	res rebuild.Result
	err error
}

// runRebuild starts a rebuild of r's read model in the background.
func runRebuild(t *testing.T, r *rig, cfg rebuild.Config, gens rebuild.Generations) <-chan rebuilt {
	t.Helper()
	cfg.Kafka, cfg.Live = r.kcfg, r.live
	cfg.PollInterval, cfg.SwitchGrace = 50*time.Millisecond, 1500*time.Millisecond
	done := make(chan rebuilt, 1)
	go func() {
		res, err := rebuild.Run(context.Background(), cfg, gens, func(ctx context.Context, name string) (pipeline.Store, error) {
			return r.store.OpenGeneration(ctx, name)
		}, quiet())
		done <- rebuilt{res, err}
	}()
	return done
}

// wait returns the rebuild's result, failing the test on error or timeout.
func wait(t *testing.T, done <-chan rebuilt) rebuild.Result {
	t.Helper()
	select {
	case o := <-done:
		if o.err != nil {
			t.Fatalf("rebuild: %v", o.err)
		}
		return o.res
	case <-time.After(90 * time.Second):
		t.Fatal("the rebuild did not finish")
	}
	return rebuild.Result{}
}

// clearIngested renders v as generic JSON with every "ingestedAt" removed.
func clearIngested(t *testing.T, v any) any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			delete(x, "ingestedAt")
			for _, v := range x {
				walk(v)
			}
		case []any:
			for _, v := range x {
				walk(v)
			}
		}
	}
	walk(doc)
	return doc
}
