// Package fakestore is an in-memory read store for the GraphQL tests: the
// Reader and AccessLog of package schema, fed with deliveries through the
// real projection (history.Apply, history.BillableItems,
// history.AuditEntryFor), as the real stores are. It counts calls, can be
// told to fail, and lets a test act on each EventApplied check, so
// read-your-writes is tested without sleeping.
//
// A Store is safe for concurrent use.
package fakestore

import (
	"context"
	"fmt"
	"sync"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// Store holds the documents of the read model in memory.
type Store struct {
	mu         sync.Mutex
	patients   map[string]history.Patient
	encounters map[string]history.Encounter
	billable   map[string][]history.BillableItem // by encounter id
	audit      map[string]history.AuditEntry     // by event id
	freshness  map[contracts.Source]history.SourceFreshness
	access     []history.AccessEntry
	calls      map[string]int
	failures   map[string]error
	onCheck    func(eventID string)
}

// New returns an empty store.
func New() *Store {
	return &Store{
		patients:   map[string]history.Patient{},
		encounters: map[string]history.Encounter{},
		billable:   map[string][]history.BillableItem{},
		audit:      map[string]history.AuditEntry{},
		freshness:  map[contracts.Source]history.SourceFreshness{},
		calls:      map[string]int{},
		failures:   map[string]error{},
	}
}

// Apply folds deliveries into the documents, as the aggregator does.
func (s *Store) Apply(ds ...history.Delivery) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range ds {
		if err := s.apply(d); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) apply(d history.Delivery) error {
	e := d.Event
	slice := history.NewSlice(e.PatientID, e.EncounterID)
	if p, ok := s.patients[e.PatientID]; ok {
		slice.Patient = p
	}
	if enc, ok := s.encounters[e.EncounterID]; ok {
		slice.Encounter = enc
	}
	next, err := history.Apply(slice, d)
	if err != nil {
		return fmt.Errorf("apply event %s: %w", e.ID, err)
	}
	s.patients[e.PatientID] = next.Patient
	s.encounters[e.EncounterID] = next.Encounter
	s.billable[e.EncounterID] = history.BillableItems(next.Encounter)
	if _, dup := s.audit[e.ID]; !dup {
		s.audit[e.ID] = history.AuditEntryFor(d)
		f := s.freshness[e.Source]
		f.Source = e.Source
		if e.OccurredAt.After(f.NewestEventTime) {
			f.NewestEventTime = e.OccurredAt.UTC()
		}
		if d.ReceivedAt.After(f.NewestAppliedAt) {
			f.NewestAppliedAt = d.ReceivedAt.UTC()
		}
		if f.Offsets == nil {
			f.Offsets = map[string]int64{}
		}
		key := fmt.Sprintf("%s/%d", d.Topic, d.Partition)
		f.Offsets[key] = max(f.Offsets[key], d.Offset)
		f.AppliedCount++
		s.freshness[e.Source] = f
	}
	return nil
}

// SetDeadLettered sets the dead-lettered count of a source.
func (s *Store) SetDeadLettered(src contracts.Source, n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.freshness[src]
	f.Source = src
	f.DeadLettered = n
	s.freshness[src] = f
}

// Fail makes every later call of method (e.g. "AppendAccess") return err;
// a nil err clears it.
func (s *Store) Fail(method string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		delete(s.failures, method)
		return
	}
	s.failures[method] = err
}

// OnEventApplied makes every EventApplied call run fn first (outside the
// store's lock, so fn may Apply).
func (s *Store) OnEventApplied(fn func(eventID string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onCheck = fn
}

// Calls returns how many times method was called.
func (s *Store) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// TotalCalls returns how many calls any method received.
func (s *Store) TotalCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.calls {
		n += c
	}
	return n
}

// Accesses returns a copy of the access log.
func (s *Store) Accesses() []history.AccessEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]history.AccessEntry(nil), s.access...)
}

// enter counts a call and returns the failure set for method, if any.
// The caller holds s.mu.
func (s *Store) enter(ctx context.Context, method string) error {
	s.calls[method]++
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.failures[method]
}
