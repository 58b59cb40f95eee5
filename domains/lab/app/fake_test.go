package app_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// fakeStore is an in-memory app.Store. Like the SQL adapter it stores a
// copy of each order with its events, rejects an event that does not
// encode, and writes nothing when a change fails.
type fakeStore struct {
	mu         sync.Mutex
	orders     map[string]stored
	events     []contracts.Event
	failWrites error // returned by every write when set
}

type stored struct {
	state   contracts.LabOrderState
	version int64
}

var _ app.Store = (*fakeStore)(nil)

func newFakeStore() *fakeStore { return &fakeStore{orders: map[string]stored{}} }

func (s *fakeStore) write(o *laborder.Order, e contracts.Event) error {
	if s.failWrites != nil {
		return s.failWrites
	}
	if _, err := contracts.Encode(e); err != nil {
		return fmt.Errorf("event does not encode: %w", err)
	}
	s.orders[o.ID()] = stored{state: o.State(), version: o.Version()}
	s.events = append(s.events, e)
	return nil
}

func (s *fakeStore) Add(_ context.Context, o *laborder.Order, e contracts.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.orders[o.ID()]; ok {
		return errors.New("duplicate id")
	}
	return s.write(o, e)
}

func (s *fakeStore) Update(_ context.Context, id string, change func(*laborder.Order) (contracts.Event, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, err := s.load(id)
	if err != nil {
		return err
	}
	e, err := change(o)
	if err != nil {
		return err
	}
	return s.write(o, e)
}

func (s *fakeStore) load(id string) (*laborder.Order, error) {
	r, ok := s.orders[id]
	if !ok {
		return nil, fmt.Errorf("lab order %s: %w", id, laborder.ErrNotFound)
	}
	return laborder.Restore(r.state, r.version)
}

func (s *fakeStore) Order(_ context.Context, id string) (*laborder.Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load(id)
}

func (s *fakeStore) PatientOrders(_ context.Context, patientID string) ([]*laborder.Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*laborder.Order
	for id, r := range s.orders {
		if r.state.PatientID == patientID {
			o, err := s.load(id)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(a, b *laborder.Order) int { return a.State().OrderedAt.Compare(b.State().OrderedAt) })
	return out, nil
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
