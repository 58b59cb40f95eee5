package app_test

import (
	"context"
	"fmt"
	"sync"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/app"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

// memStore is an in-memory app.Store that keeps the emitted events, as the
// SQL store keeps them in its outbox.
type memStore struct {
	mu         sync.Mutex
	encounters map[string]contracts.EncounterState
	versions   map[string]int64
	events     []contracts.Event
}

var _ app.Store = (*memStore)(nil)

func newMemStore() *memStore {
	return &memStore{encounters: map[string]contracts.EncounterState{}, versions: map[string]int64{}}
}

func (m *memStore) Add(_ context.Context, e *encounter.Encounter, ev contracts.Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.encounters[e.ID()]; ok {
		return fmt.Errorf("add %s: %w", e.ID(), encounter.ErrAlreadyExists)
	}
	m.encounters[e.ID()], m.versions[e.ID()] = e.State(), e.Version()
	m.events = append(m.events, ev)
	return nil
}

func (m *memStore) Update(_ context.Context, id string, change func(*encounter.Encounter) (contracts.Event, error)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.encounters[id]
	if !ok {
		return fmt.Errorf("update %s: %w", id, encounter.ErrNotFound)
	}
	e, err := encounter.Restore(s, m.versions[id])
	if err != nil {
		return err
	}
	ev, err := change(e)
	if err != nil {
		return err
	}
	m.encounters[id], m.versions[id] = e.State(), e.Version()
	m.events = append(m.events, ev)
	return nil
}

func (m *memStore) Encounter(_ context.Context, id string) (*encounter.Encounter, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.encounters[id]
	if !ok {
		return nil, fmt.Errorf("get %s: %w", id, encounter.ErrNotFound)
	}
	return encounter.Restore(s, m.versions[id])
}

func (m *memStore) PatientEncounters(_ context.Context, patientID string) ([]*encounter.Encounter, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*encounter.Encounter
	for id, s := range m.encounters {
		if s.PatientID == patientID {
			e, err := encounter.Restore(s, m.versions[id])
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	return out, nil
}
