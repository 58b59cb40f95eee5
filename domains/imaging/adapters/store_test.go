package adapters_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/adapters"
	"github.com/prontuario/prontuario/domains/imaging/app"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/sqldb"
)

func add(t *testing.T, s *adapters.Store, st *study.Study) {
	t.Helper()
	if err := s.Add(t.Context(), st, eventOf(t, st)); err != nil {
		t.Fatalf("Add: %v", err)
	}
}

func TestAddStoresTheStudyAndItsEvent(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		st := newStudy(t, "IS-1", "P-1", orderedAt)
		add(t, s, st)
		got, err := s.Study(t.Context(), "IS-1")
		if err != nil {
			t.Fatalf("Study: %v", err)
		}
		if !reflect.DeepEqual(got.State(), st.State()) || got.Version() != 1 {
			t.Errorf("read back %+v v%d, want %+v v1", got.State(), got.Version(), st.State())
		}
		if vs := versionsInOutbox(t, db, "IS-1"); !slices.Equal(vs, []int64{1}) {
			t.Errorf("outbox versions = %v, want [1]", vs)
		}
		again := newStudy(t, "IS-1", "P-2", orderedAt)
		if err := s.Add(t.Context(), again, eventOf(t, again)); !errors.Is(err, study.ErrAlreadyExists) {
			t.Errorf("Add of an existing id = %v, want ErrAlreadyExists", err)
		}
	})
}

func TestUpdateWritesEachVersionWithItsEvent(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		add(t, s, newStudy(t, "IS-1", "P-1", orderedAt))
		for _, change := range []func(*study.Study) (contracts.Event, error){perform(t), report(t)} {
			if err := s.Update(t.Context(), "IS-1", change); err != nil {
				t.Fatalf("Update: %v", err)
			}
		}
		got, err := s.Study(t.Context(), "IS-1")
		if err != nil || got.Version() != 3 || got.Status() != study.StatusReported {
			t.Fatalf("after acquisition and report: %v, %v", got, err)
		}
		if vs := versionsInOutbox(t, db, "IS-1"); !slices.Equal(vs, []int64{1, 2, 3}) {
			t.Errorf("outbox versions = %v, want [1 2 3]", vs)
		}
	})
}

func TestUpdateOfAnUnknownStudyIsNotFoundAndARefusedChangeWritesNothing(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		if err := s.Update(t.Context(), "IS-404", perform(t)); !errors.Is(err, study.ErrNotFound) {
			t.Errorf("Update of an unknown study = %v, want ErrNotFound", err)
		}
		add(t, s, newStudy(t, "IS-1", "P-1", orderedAt))
		if err := s.Update(t.Context(), "IS-1", report(t)); !errors.Is(err, study.ErrNotPerformed) {
			t.Errorf("report before acquisition = %v, want ErrNotPerformed", err)
		}
		if storedVersion(t, db, "IS-1") != 1 || len(versionsInOutbox(t, db, "IS-1")) != 1 {
			t.Error("a refused change was written")
		}
	})
}

func TestStateOutboxAndReceiptCommitTogetherOrNotAtAll(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		add(t, s, newStudy(t, "IS-1", "P-1", orderedAt))
		key, err := idempotency.NewKey("key-1", "POST", "/v1/imaging-studies/IS-1/performed", []byte(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		ctx := idempotency.WithKey(t.Context(), key)
		if err := s.Update(ctx, "IS-1", perform(t)); err != nil {
			t.Fatalf("first Update: %v", err)
		}
		// The key is used: the transaction's last write fails after the
		// state and the outbox row were written.
		if err := s.Update(ctx, "IS-1", report(t)); !errors.Is(err, idempotency.ErrDuplicate) {
			t.Fatalf("Update with a used key = %v, want ErrDuplicate", err)
		}
		if v, vs := storedVersion(t, db, "IS-1"), versionsInOutbox(t, db, "IS-1"); v != 2 || !slices.Equal(vs, []int64{1, 2}) {
			t.Errorf("stored version %d, outbox versions %v; want 2 and [1 2]: the failed transaction left writes", v, vs)
		}
		saved, err := idempotency.NewStore(db).Lookup(t.Context(), key)
		var rc app.Receipt
		if err != nil || json.Unmarshal(saved, &rc) != nil || rc.ID != "IS-1" || rc.Version != 2 {
			t.Errorf("saved receipt = %s, %v; want IS-1 version 2", saved, err)
		}
	})
}

func TestConcurrentChangesOfOneStudyAreSerialised(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		add(t, s, newStudy(t, "IS-1", "P-1", orderedAt))
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []error
		for range 6 {
			wg.Go(func() {
				err := s.Update(t.Context(), "IS-1", perform(t))
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			})
		}
		wg.Wait()
		performed := 0
		for _, err := range errs {
			switch {
			case err == nil:
				performed++
			case !errors.Is(err, study.ErrAlreadyPerformed):
				t.Errorf("Update: %v", err)
			}
		}
		if performed != 1 || !slices.Equal(versionsInOutbox(t, db, "IS-1"), []int64{1, 2}) {
			t.Errorf("%d acquisitions recorded, outbox versions %v; want 1 and [1 2]", performed, versionsInOutbox(t, db, "IS-1"))
		}
	})
}

func TestPatientStudiesListsOnlyThePatientsByOrderTime(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		add(t, s, newStudy(t, "IS-late", "P-1", orderedAt))
		add(t, s, newStudy(t, "IS-other", "P-2", orderedAt))
		add(t, s, newStudy(t, "IS-early", "P-1", orderedAt.Add(-24*time.Hour)))
		ss, err := s.PatientStudies(t.Context(), "P-1")
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, st := range ss {
			ids = append(ids, st.ID())
		}
		if !slices.Equal(ids, []string{"IS-early", "IS-late"}) {
			t.Errorf("P-1's studies = %v, want [IS-early IS-late]", ids)
		}
		if none, err := s.PatientStudies(t.Context(), "P-none"); err != nil || none == nil || len(none) != 0 {
			t.Errorf("unknown patient: %v, %v; want an empty list", none, err)
		}
	})
}
