package app_test

import (
	"context"
	"fmt"
	"sync"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/app"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// memStore is an in-memory app.Store that keeps the emitted events, as the
// SQL store keeps them in its outbox.
type memStore struct {
	mu       sync.Mutex
	studies  map[string]contracts.ImagingStudyState
	versions map[string]int64
	events   []contracts.Event
}

var _ app.Store = (*memStore)(nil)

func newMemStore() *memStore {
	return &memStore{studies: map[string]contracts.ImagingStudyState{}, versions: map[string]int64{}}
}

func (m *memStore) Add(_ context.Context, s *study.Study, ev contracts.Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.studies[s.ID()]; ok {
		return fmt.Errorf("add %s: %w", s.ID(), study.ErrAlreadyExists)
	}
	m.studies[s.ID()], m.versions[s.ID()] = s.State(), s.Version()
	m.events = append(m.events, ev)
	return nil
}

func (m *memStore) Update(_ context.Context, id string, change func(*study.Study) (contracts.Event, error)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.studies[id]
	if !ok {
		return fmt.Errorf("update %s: %w", id, study.ErrNotFound)
	}
	s, err := study.Restore(st, m.versions[id])
	if err != nil {
		return err
	}
	ev, err := change(s)
	if err != nil {
		return err
	}
	m.studies[id], m.versions[id] = s.State(), s.Version()
	m.events = append(m.events, ev)
	return nil
}

func (m *memStore) Study(_ context.Context, id string) (*study.Study, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.studies[id]
	if !ok {
		return nil, fmt.Errorf("get %s: %w", id, study.ErrNotFound)
	}
	return study.Restore(st, m.versions[id])
}

func (m *memStore) PatientStudies(_ context.Context, patientID string) ([]*study.Study, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*study.Study
	for id, st := range m.studies {
		if st.PatientID == patientID {
			s, err := study.Restore(st, m.versions[id])
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	return out, nil
}
