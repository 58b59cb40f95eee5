package app_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// fakeStore is an in-memory app.Store and app.CatalogSeeder. Like the SQL
// adapter it stores a copy of each record with its events, rejects an event
// that does not encode, and writes nothing when a change fails.
type fakeStore struct {
	mu             sync.Mutex
	prescriptions  map[string]stored
	events         []contracts.Event
	prescribers    map[string]prescription.Prescriber
	medications    map[string]prescription.Medication
	authorizations map[string]prescription.Authorization
	failWrites     error // returned by every write when set
}

type stored struct {
	state   contracts.PrescriptionState
	version int64
}

var _ interface {
	app.Store
	app.CatalogSeeder
} = (*fakeStore)(nil)

func newFakeStore() *fakeStore {
	return &fakeStore{
		prescriptions:  map[string]stored{},
		prescribers:    map[string]prescription.Prescriber{},
		medications:    map[string]prescription.Medication{},
		authorizations: map[string]prescription.Authorization{},
	}
}

func (s *fakeStore) write(p *prescription.Prescription, e contracts.Event) error {
	if s.failWrites != nil {
		return s.failWrites
	}
	if _, err := contracts.Encode(e); err != nil {
		return fmt.Errorf("event does not encode: %w", err)
	}
	s.prescriptions[p.ID()] = stored{state: p.State(), version: p.Version()}
	s.events = append(s.events, e)
	return nil
}

func (s *fakeStore) Add(_ context.Context, p *prescription.Prescription, e contracts.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.prescriptions[p.ID()]; ok {
		return errors.New("duplicate id")
	}
	return s.write(p, e)
}

func (s *fakeStore) Update(_ context.Context, id string, change func(*prescription.Prescription) (contracts.Event, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.load(id)
	if err != nil {
		return err
	}
	e, err := change(p)
	if err != nil {
		return err
	}
	return s.write(p, e)
}

func (s *fakeStore) load(id string) (*prescription.Prescription, error) {
	r, ok := s.prescriptions[id]
	if !ok {
		return nil, fmt.Errorf("prescription %s: %w", id, prescription.ErrNotFound)
	}
	return prescription.Restore(r.state, r.version)
}

func (s *fakeStore) Prescription(_ context.Context, id string) (*prescription.Prescription, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load(id)
}

func (s *fakeStore) PatientPrescriptions(_ context.Context, patientID string) ([]*prescription.Prescription, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*prescription.Prescription
	for id, r := range s.prescriptions {
		if r.state.PatientID == patientID {
			p, err := s.load(id)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *prescription.Prescription) int { return a.State().IssuedAt.Compare(b.State().IssuedAt) })
	return out, nil
}

func (s *fakeStore) Formulary(_ context.Context, prescriberID string, codes []string) (prescription.Formulary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var pr *prescription.Prescriber
	var auths []prescription.Authorization
	if p, ok := s.prescribers[prescriberID]; ok {
		pr = &p
		for _, a := range s.authorizations {
			if strings.EqualFold(strings.TrimSpace(a.Specialty()), strings.TrimSpace(p.Specialty())) {
				auths = append(auths, a)
			}
		}
	}
	var meds []prescription.Medication
	for _, c := range codes {
		if m, ok := s.medications[c]; ok {
			meds = append(meds, m)
		}
	}
	return prescription.NewFormulary(pr, meds, auths), nil
}

func save[T any](s *fakeStore, m map[string]T, key string, v T) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWrites != nil {
		return false, s.failWrites
	}
	_, existed := m[key]
	m[key] = v
	return !existed, nil
}

func (s *fakeStore) SavePrescriber(_ context.Context, p prescription.Prescriber) (bool, error) {
	return save(s, s.prescribers, p.ID(), p)
}

func (s *fakeStore) SaveMedication(_ context.Context, m prescription.Medication) (bool, error) {
	return save(s, s.medications, m.Code(), m)
}

func (s *fakeStore) SaveAuthorization(_ context.Context, a prescription.Authorization) (bool, error) {
	return save(s, s.authorizations, a.Key(), a)
}

func (s *fakeStore) SeedCatalog(_ context.Context, c app.Catalog) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range c.Prescribers {
		if _, ok := s.prescribers[p.ID()]; !ok {
			s.prescribers[p.ID()] = p
		}
	}
	for _, m := range c.Medications {
		if _, ok := s.medications[m.Code()]; !ok {
			s.medications[m.Code()] = m
		}
	}
	for _, a := range c.Authorizations {
		if _, ok := s.authorizations[a.Key()]; !ok {
			s.authorizations[a.Key()] = a
		}
	}
	return nil
}

func (s *fakeStore) eventCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.events)
}

func (s *fakeStore) lastEvent() contracts.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.events[len(s.events)-1]
}
