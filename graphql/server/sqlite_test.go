package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/server"
)

// sqliteHarness serves the API over the real SQLite read store, filled with
// the fixture world by the aggregator's own applier.
func sqliteHarness(t testing.TB, cfg server.Config) (*harness, *sqlitestore.Store, *pipeline.Applier) {
	t.Helper()
	return sqliteHarnessWith(t, cfg, "NORMAL")
}

// sqliteHarnessWith is sqliteHarness with the store's synchronous setting
// and more deliveries applied after the fixture world.
func sqliteHarnessWith(t testing.TB, cfg server.Config, synchronous string, more ...history.Delivery) (*harness, *sqlitestore.Store, *pipeline.Applier) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	st, err := sqlitestore.Open(ctx, sqlitestore.Config{Path: filepath.Join(t.TempDir(), "readmodel.db"), Synchronous: synchronous})
	if err != nil {
		t.Fatal(err)
	}
	applier := pipeline.NewApplier(st, pipeline.Config{Now: func() time.Time { return now }},
		pipeline.NewMetrics(prometheus.NewRegistry()), slog.New(slog.NewTextHandler(io.Discard, nil)))
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		if err := applier.Run(ctx); err != nil {
			t.Error(err)
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-stopped
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	ds, err := fakestore.World()
	if err != nil {
		t.Fatal(err)
	}
	ds = append(ds, more...)
	// Concurrent deliveries share batches, as the partitions' handlers do.
	var wg sync.WaitGroup
	errs := make(chan error, len(ds))
	for _, d := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- applier.Apply(ctx, d)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	logs := &logBuffer{}
	srv := httptest.NewServer(newHandler(t, cfg, st, st, logs))
	t.Cleanup(srv.Close)
	return &harness{t: t, deliveries: ds, url: srv.URL + "/graphql", logs: logs}, st, applier
}

func TestAgainstTheSQLiteStore(t *testing.T) {
	t.Parallel()
	h, st, applier := sqliteHarness(t, server.Config{AwaitTimeout: 10 * time.Second, AwaitPollInterval: time.Millisecond})

	t.Run("partial_and_complete_encounters", func(t *testing.T) {
		d := h.query(auth.Clinician, `{ a: encounter(id: "E-2002") { status completeness { missing } triage { acuity } labOrders { results { status } } }
			b: encounter(id: "E-2001") { status labOrders { results { code value corrections { previousValue } } supersededVersions { version } } } }`, nil).ok(t).Data
		if at(d, "a", "status") != "UNKNOWN" || !reflect.DeepEqual(at(d, "a", "completeness", "missing"), []any{"ENCOUNTER", "TRIAGE"}) || at(d, "a", "triage") != nil {
			t.Errorf("E-2002 = %s, want UNKNOWN missing ENCOUNTER and TRIAGE", jsonString(at(d, "a")))
		}
		if at(d, "b", "labOrders", 0, "results", 1, "value") != 4.2 || at(d, "b", "labOrders", 0, "results", 1, "corrections", 0, "previousValue") != 5.9 {
			t.Errorf("E-2001 potassium = %s, want 4.2 corrected from 5.9", jsonString(at(d, "b", "labOrders", 0, "results", 1)))
		}
		if n := len(list(t, d, "b", "labOrders", 0, "supersededVersions")); n != 4 {
			t.Errorf("LO-4001 has %d superseded versions, want 4", n)
		}
	})

	t.Run("billing_exclusions", func(t *testing.T) {
		d := h.query(auth.Billing, `{ billableItems(from: "2026-03-01T00:00:00Z", to: "2026-03-04T00:00:00Z") { totalCount edges { node { code kind encounterId } } } }`, nil).ok(t).Data
		var codes []string
		for _, e := range list(t, d, "billableItems", "edges") {
			codes = append(codes, at(e, "node", "code").(string))
		}
		slices.Sort(codes)
		// Not billed: the cancelled MED-DIPY, the entered-in-error 2160-0, E-2002's preliminary potassium.
		want := []string{"2823-3", "718-7", "CTCHEST", "MED-ASA", "MED-PARA"}
		if !reflect.DeepEqual(codes, want) {
			t.Errorf("billed codes %v, want %v (corrected potassium once)", codes, want)
		}
	})

	t.Run("cursors_walk_every_encounter", func(t *testing.T) {
		q := `query($after: String) { patient(id: "P-1003") { encounters(first: 40, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`
		keys, pages := walk(t, h, auth.Clinician, q, nil, []any{"patient", "encounters"}, "id")
		if len(keys) != fakestore.ManyEncounters || pages != 4 {
			t.Errorf("%d encounters over %d pages, want %d over 4", len(keys), pages, fakestore.ManyEncounters)
		}
	})

	t.Run("audit_trail_and_access_log", func(t *testing.T) {
		d := h.query(auth.Auditor, `{ auditTrail(patientId: "P-1001", first: 3) { totalCount edges { node { summary } } } }`, nil).ok(t).Data
		if got := at(d, "auditTrail", "totalCount"); got != 18.0 {
			t.Errorf("audit trail of P-1001 has %v entries, want 18", got)
		}
		d = h.query(auth.Auditor, `{ accessLog(patientId: "P-1001") { edges { node { subject role rootField } } } }`, nil).ok(t).Data
		found := false
		for _, e := range list(t, d, "accessLog", "edges") {
			found = found || (at(e, "node", "rootField") == "auditTrail" && at(e, "node", "subject") == "alice")
		}
		if !found {
			t.Errorf("the SQLite access log lacks alice's auditTrail read: %s", jsonString(d))
		}
	})

	t.Run("pipeline_status", func(t *testing.T) {
		d := h.query(auth.Clinician, `{ pipelineStatus { sources { source appliedCount } } }`, nil).ok(t).Data
		got := map[any]any{}
		for _, s := range list(t, d, "pipelineStatus", "sources") {
			got[at(s, "source")] = at(s, "appliedCount")
		}
		want := map[any]any{"TRIAGE": 155.0, "PRESCRIPTION": 154.0, "LAB": 7.0, "IMAGING": 4.0}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("applied counts %v, want %v", got, want)
		}
	})

	t.Run("read_your_writes", func(t *testing.T) {
		next, err := fakestore.Next()
		if err != nil {
			t.Fatal(err)
		}
		applied := make(chan error, 1)
		go func() { applied <- applier.Apply(context.Background(), next) }()
		r := h.query(auth.Clinician, openEncounterPrescriptions, nil, withHeader("X-Prontuario-Await-Event", next.Event.ID)).ok(t)
		if got := prescriptionIDs(t, r); !slices.Contains(got, "RX-3999") {
			t.Errorf("prescriptions %v after awaiting RX-3999's event", got)
		}
		if c, _ := r.Extensions["consistency"].(map[string]any); c["applied"] != true {
			t.Errorf("consistency %v, want applied", c)
		}
		if err := <-applied; err != nil {
			t.Fatal(err)
		}
		if ok, err := st.EventApplied(context.Background(), next.Event.ID); err != nil || !ok {
			t.Errorf("EventApplied = %v, %v", ok, err)
		}
	})
}
