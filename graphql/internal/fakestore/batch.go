package fakestore

import (
	"context"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/aggregator/history"
)

// EncountersOfPatients implements schema.Reader: one call, whatever the
// number of queries, each answered as Encounters would.
func (s *Store) EncountersOfPatients(ctx context.Context, qs []history.EncounterQuery) ([]history.Page[history.Encounter], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "EncountersOfPatients"); err != nil {
		return nil, err
	}
	if len(qs) > history.MaxPageSize {
		return nil, fmt.Errorf("%d queries in one batch; at most %d", len(qs), history.MaxPageSize)
	}
	out := make([]history.Page[history.Encounter], len(qs))
	for i, q := range qs {
		page, err := s.encounterPage(q)
		if err != nil {
			return nil, err
		}
		out[i] = page
	}
	return out, nil
}

// AppendAccessBatch implements schema.AccessLog: all entries or none.
func (s *Store) AppendAccessBatch(ctx context.Context, es []history.AccessEntry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "AppendAccessBatch"); err != nil {
		return err
	}
	for _, e := range es {
		if e.ID == "" || e.Subject == "" || e.At.IsZero() {
			return errors.New("access entry needs an id, a subject and a time")
		}
	}
	s.access = append(s.access, es...)
	return nil
}

// Load implements schema.Reader: the documents with the given ids.
func (s *Store) Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "Load"); err != nil {
		return nil, nil, err
	}
	ps, es := map[string]history.Patient{}, map[string]history.Encounter{}
	for _, id := range patientIDs {
		if p, ok := s.patients[id]; ok {
			ps[id] = p
		}
	}
	for _, id := range encounterIDs {
		if e, ok := s.encounters[id]; ok {
			es[id] = e
		}
	}
	return ps, es, nil
}
