package adapters_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/adapters"
	"github.com/prontuario/prontuario/domains/triage/app"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/sqldb"
)

func TestAddStoresTheEncounterAndItsEvent(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		e := newEncounter(t, "E-1", "P-1", arrival)
		if err := s.Add(t.Context(), e, eventOf(t, e)); err != nil {
			t.Fatalf("Add: %v", err)
		}
		got, err := s.Encounter(t.Context(), "E-1")
		if err != nil {
			t.Fatalf("Encounter: %v", err)
		}
		if !reflect.DeepEqual(got.State(), e.State()) || got.Version() != 1 {
			t.Errorf("read back %+v v%d, want %+v v1", got.State(), got.Version(), e.State())
		}
		if vs := versionsInOutbox(t, db, "E-1"); !slices.Equal(vs, []int64{1}) {
			t.Errorf("outbox versions = %v, want [1]", vs)
		}
	})
}

func TestAddingAnExistingIDIsAConflictAndWritesNothing(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		e := newEncounter(t, "E-1", "P-1", arrival)
		if err := s.Add(t.Context(), e, eventOf(t, e)); err != nil {
			t.Fatal(err)
		}
		again := newEncounter(t, "E-1", "P-2", arrival)
		if err := s.Add(t.Context(), again, eventOf(t, again)); !errors.Is(err, encounter.ErrAlreadyExists) {
			t.Errorf("second Add = %v, want ErrAlreadyExists", err)
		}
		if vs := versionsInOutbox(t, db, "E-1"); len(vs) != 1 {
			t.Errorf("outbox has %d events of E-1, want 1", len(vs))
		}
	})
}

func TestUpdateWritesTheNewVersionAndItsEvent(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		e := newEncounter(t, "E-1", "P-1", arrival)
		if err := s.Add(t.Context(), e, eventOf(t, e)); err != nil {
			t.Fatal(err)
		}
		for _, at := range []time.Time{arrival.Add(time.Minute), arrival.Add(2 * time.Minute)} {
			if err := s.Update(t.Context(), "E-1", triageChange(t, at)); err != nil {
				t.Fatalf("Update: %v", err)
			}
		}
		got, err := s.Encounter(t.Context(), "E-1")
		if err != nil {
			t.Fatal(err)
		}
		if got.Version() != 3 || len(got.State().SupersededTriage) != 1 {
			t.Errorf("after two triages: version %d, %d superseded; want 3 and 1", got.Version(), len(got.State().SupersededTriage))
		}
		if vs := versionsInOutbox(t, db, "E-1"); !slices.Equal(vs, []int64{1, 2, 3}) {
			t.Errorf("outbox versions = %v, want [1 2 3]", vs)
		}
	})
}

func TestUpdateOfAnUnknownEncounterIsNotFound(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		err := s.Update(t.Context(), "E-404", triageChange(t, arrival))
		if !errors.Is(err, encounter.ErrNotFound) {
			t.Errorf("Update = %v, want ErrNotFound", err)
		}
		if _, err := s.Encounter(t.Context(), "E-404"); !errors.Is(err, encounter.ErrNotFound) {
			t.Errorf("Encounter = %v, want ErrNotFound", err)
		}
	})
}

func TestARefusedChangeWritesNothing(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		e := newEncounter(t, "E-1", "P-1", arrival)
		if err := s.Add(t.Context(), e, eventOf(t, e)); err != nil {
			t.Fatal(err)
		}
		err := s.Update(t.Context(), "E-1", triageChange(t, arrival.Add(-time.Hour))) // before the arrival
		var v *encounter.ValidationError
		if !errors.As(err, &v) {
			t.Errorf("Update = %v, want the change's *ValidationError", err)
		}
		if storedVersion(t, db, "E-1") != 1 || len(versionsInOutbox(t, db, "E-1")) != 1 {
			t.Error("a refused change was written")
		}
	})
}

func TestStateOutboxAndReceiptCommitTogetherOrNotAtAll(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		e := newEncounter(t, "E-1", "P-1", arrival)
		if err := s.Add(t.Context(), e, eventOf(t, e)); err != nil {
			t.Fatal(err)
		}
		// A key another request already used makes the last write of the
		// transaction fail, after the state and the outbox row were written.
		key, err := idempotency.NewKey("key-1", "POST", "/v1/encounters/E-1/triage", []byte(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		ctx := idempotency.WithKey(t.Context(), key)
		if err := s.Update(ctx, "E-1", triageChange(t, arrival.Add(time.Minute))); err != nil {
			t.Fatalf("first Update: %v", err)
		}
		err = s.Update(ctx, "E-1", triageChange(t, arrival.Add(2*time.Minute)))
		if !errors.Is(err, idempotency.ErrDuplicate) {
			t.Fatalf("Update with a used key = %v, want ErrDuplicate", err)
		}
		if v := storedVersion(t, db, "E-1"); v != 2 {
			t.Errorf("stored version = %d, want 2: the failed transaction's state write must be gone", v)
		}
		if vs := versionsInOutbox(t, db, "E-1"); !slices.Equal(vs, []int64{1, 2}) {
			t.Errorf("outbox versions = %v, want [1 2]: the failed transaction's event must be gone", vs)
		}
		saved, err := idempotency.NewStore(db).Lookup(t.Context(), key)
		var rc app.Receipt
		if err != nil || json.Unmarshal(saved, &rc) != nil || rc.ID != "E-1" || rc.Version != 2 || rc.EventID == "" {
			t.Errorf("saved receipt = %s, %v; want E-1 version 2 with an event id", saved, err)
		}
	})
}

func TestConcurrentChangesOfOneEncounterKeepEveryVersion(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		e := newEncounter(t, "E-1", "P-1", arrival)
		if err := s.Add(t.Context(), e, eventOf(t, e)); err != nil {
			t.Fatal(err)
		}
		const writers = 8
		var wg sync.WaitGroup
		for range writers {
			wg.Go(func() {
				if err := s.Update(t.Context(), "E-1", triageChange(t, arrival.Add(time.Minute))); err != nil {
					t.Errorf("Update: %v", err)
				}
			})
		}
		wg.Wait()
		want := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9}
		if vs := versionsInOutbox(t, db, "E-1"); !slices.Equal(vs, want) || storedVersion(t, db, "E-1") != writers+1 {
			t.Errorf("outbox versions %v, stored version %d; want %v and %d", vs, storedVersion(t, db, "E-1"), want, writers+1)
		}
	})
}

func TestPatientEncountersListsOnlyThePatientsByArrival(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB, s *adapters.Store) {
		for _, e := range []*encounter.Encounter{
			newEncounter(t, "E-late", "P-1", arrival),
			newEncounter(t, "E-other", "P-2", arrival),
			newEncounter(t, "E-early", "P-1", arrival.Add(-48*time.Hour)),
		} {
			if err := s.Add(t.Context(), e, eventOf(t, e)); err != nil {
				t.Fatal(err)
			}
		}
		es, err := s.PatientEncounters(t.Context(), "P-1")
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range es {
			ids = append(ids, e.ID())
		}
		if !slices.Equal(ids, []string{"E-early", "E-late"}) {
			t.Errorf("P-1's encounters = %v, want [E-early E-late]", ids)
		}
		none, err := s.PatientEncounters(t.Context(), "P-unknown")
		if err != nil || none == nil || len(none) != 0 {
			t.Errorf("unknown patient: %v, %v; want an empty list", none, err)
		}
	})
}
