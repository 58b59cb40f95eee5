package fakestore

import (
	"context"
	"errors"

	"github.com/prontuario/prontuario/aggregator/history"
)

// AppendAccess appends one entry (the single-entry form of AppendAccessBatch).
func (s *Store) AppendAccess(ctx context.Context, e history.AccessEntry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "AppendAccess"); err != nil {
		return err
	}
	if e.ID == "" || e.Subject == "" || e.At.IsZero() {
		return errors.New("access entry needs an id, a subject and a time")
	}
	s.access = append(s.access, e)
	return nil
}

// AccessLog implements schema.AccessLog: oldest first.
func (s *Store) AccessLog(ctx context.Context, q history.AccessQuery) (history.Page[history.AccessEntry], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "AccessLog"); err != nil {
		return history.Page[history.AccessEntry]{}, err
	}
	var all []history.AccessEntry
	for _, e := range s.access {
		if q.PatientID == "" || e.PatientID == q.PatientID {
			all = append(all, e)
		}
	}
	seen := q.AfterID == ""
	return paginate(all, q.Limit, func(e history.AccessEntry) bool {
		if !seen {
			seen = e.ID == q.AfterID
			return false
		}
		return true
	})
}
