package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

func concurrencyTests[S Store[S]](o options) []test[S] {
	tests := []test[S]{
		{"concurrent_commits_and_reads_of_distinct_documents_all_land", testConcurrentDistinct[S]},
	}
	if o.concurrentWriters {
		tests = append(tests, test[S]{"racing_writers_of_one_document_lose_nothing", testRacingWriters[S]})
	}
	return tests
}

func testConcurrentDistinct[S Store[S]](t *testing.T, s S) {
	const writers, perWriter = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers*perWriter*2)
	for w := range writers {
		wg.Go(func() {
			for i := range perWriter {
				id := fmt.Sprintf("P-%d-%d", w, i)
				errs <- s.Commit(ctx(t), store.Batch{Patients: []history.Patient{patient(id, "Maria Oliveira", "1985-07-10")}})
				_, err := s.Patients(ctx(t), history.PatientQuery{Name: "maria", Limit: 10})
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent commit or read: %v", err)
		}
	}
	if page := result(s.Patients(ctx(t), history.PatientQuery{Name: "maria", Limit: 100})).must(t); page.Total != writers*perWriter {
		t.Fatalf("after concurrent commits: %d patients, want %d", page.Total, writers*perWriter)
	}
}

// testRacingWriters runs two shells updating one encounter, each retrying
// on conflict: every change of both must be in the final document.
func testRacingWriters[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{Encounters: []history.Encounter{encounter("E-1", "P-1", at(0))}})
	const writers, changes = 2, 6
	var wg sync.WaitGroup
	errs := make(chan error, writers*changes)
	for w := range writers {
		wg.Go(func() {
			for i := range changes {
				errs <- addPrescription(t, s, fmt.Sprintf("RX-%d-%d", w, i))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("racing writer: %v", err)
		}
	}
	e := result(s.Encounter(ctx(t), "E-1")).must(t)
	if len(e.Prescriptions) != writers*changes || e.Revision != writers*changes+1 {
		t.Fatalf("after %d changes: %d prescriptions at revision %d, want %d at %d",
			writers*changes, len(e.Prescriptions), e.Revision, writers*changes, writers*changes+1)
	}
}

// addPrescription loads, changes and commits E-1 until no conflict.
func addPrescription[S Store[S]](t *testing.T, s S, id string) error {
	for attempt := 0; attempt < 100; attempt++ {
		e := loadEncounter(t, s, "E-1")
		rx := prescription("P-1", "E-1")
		rx.ID = id
		e.Prescriptions = append(e.Prescriptions, rx)
		err := s.Commit(ctx(t), store.Batch{Encounters: []history.Encounter{e}})
		if !errors.Is(err, store.ErrConflict) {
			return err
		}
	}
	return fmt.Errorf("%s: still conflicting after 100 attempts", id)
}
