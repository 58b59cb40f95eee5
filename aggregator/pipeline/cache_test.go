package pipeline_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
)

// The applier keeps the documents it committed, to skip loading them for
// the next batch. Another writer (another replica) changing one of them
// meanwhile must not be overwritten: the commit conflicts on the revision,
// and the batch is reloaded and re-applied on the other writer's version.
func TestACachedDocumentChangedByAnotherWriterIsReloaded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, sqlitestore.Config{Path: filepath.Join(t.TempDir(), "read.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	gen, err := s.ActiveGeneration(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bound, err := s.OpenGeneration(ctx, gen) // names its generation: cached
	if err != nil {
		t.Fatal(err)
	}
	start := func() *pipeline.Applier {
		a := pipeline.NewApplier(bound, pipeline.Config{}, nil, quiet())
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- a.Run(runCtx) }()
		t.Cleanup(func() { stop(); <-done })
		return a
	}
	mine, other := start(), start()
	ev := visitEvents(t, "P-C", "E-C") // opening, triage, prescription, ...
	apply := func(a *pipeline.Applier, i int) {
		t.Helper()
		d := history.Delivery{Event: ev[i], Topic: ev[i].Topic(), Offset: int64(i), ReceivedAt: time.Now()}
		if err := a.Apply(ctx, d); err != nil {
			t.Fatalf("apply %s: %v", ev[i].Type, err)
		}
	}
	apply(mine, 0)  // cached at revision 1
	apply(other, 1) // the triage, stored at revision 2 behind mine's back
	apply(mine, 2)  // the prescription, on the cached revision 1 first
	e, err := s.Encounter(ctx, "E-C")
	if err != nil {
		t.Fatal(err)
	}
	if e.Visit == nil || e.Visit.Current.Provenance.RecordVersion != 2 || len(e.Prescriptions) != 1 || e.Revision != 3 {
		t.Fatalf("encounter at revision %d with visit %+v and %d prescriptions: want the other writer's triage kept, the prescription added, revision 3",
			e.Revision, e.Visit, len(e.Prescriptions))
	}
}
