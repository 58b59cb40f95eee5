package fakestore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
)

// BillableItems implements schema.Reader: by (ServiceDate, ID).
func (s *Store) BillableItems(ctx context.Context, q history.BillableQuery) (history.Page[history.BillableItem], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "BillableItems"); err != nil {
		return history.Page[history.BillableItem]{}, err
	}
	var all []history.BillableItem
	for _, items := range s.billable {
		for _, it := range items {
			if within(it.ServiceDate, q.From, q.To) {
				all = append(all, it)
			}
		}
	}
	slices.SortFunc(all, func(a, b history.BillableItem) int {
		return cmp.Or(a.ServiceDate.Compare(b.ServiceDate), strings.Compare(a.ID, b.ID))
	})
	return paginate(all, q.Limit, func(it history.BillableItem) bool {
		a := q.After
		return a == nil || it.ServiceDate.After(a.ServiceDate) || (it.ServiceDate.Equal(a.ServiceDate) && it.ID > a.ID)
	})
}

// AuditTrail implements schema.Reader: by (OccurredAt, EventID).
func (s *Store) AuditTrail(ctx context.Context, q history.AuditQuery) (history.Page[history.AuditEntry], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "AuditTrail"); err != nil {
		return history.Page[history.AuditEntry]{}, err
	}
	var all []history.AuditEntry
	for _, a := range s.audit {
		if a.PatientID == q.PatientID {
			all = append(all, a)
		}
	}
	slices.SortFunc(all, func(a, b history.AuditEntry) int {
		return cmp.Or(a.Provenance.OccurredAt.Compare(b.Provenance.OccurredAt), strings.Compare(a.Provenance.EventID, b.Provenance.EventID))
	})
	return paginate(all, q.Limit, func(e history.AuditEntry) bool {
		a := q.After
		p := e.Provenance
		return a == nil || p.OccurredAt.After(a.OccurredAt) || (p.OccurredAt.Equal(a.OccurredAt) && p.EventID > a.EventID)
	})
}

// Freshness implements schema.Reader.
func (s *Store) Freshness(ctx context.Context) ([]history.SourceFreshness, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "Freshness"); err != nil {
		return nil, err
	}
	var out []history.SourceFreshness
	for _, f := range s.freshness {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b history.SourceFreshness) int { return strings.Compare(string(a.Source), string(b.Source)) })
	return out, nil
}

// EventApplied implements schema.Reader. It first runs the OnEventApplied hook.
func (s *Store) EventApplied(ctx context.Context, eventID string) (bool, error) {
	s.mu.Lock()
	hook := s.onCheck
	s.mu.Unlock()
	if hook != nil {
		hook(eventID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "EventApplied"); err != nil {
		return false, err
	}
	_, ok := s.audit[eventID]
	return ok, nil
}

// within reports whether from <= t < to, a zero bound being open.
func within(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
}

// paginate keeps the items after the cursor (keep), up to limit.
func paginate[T any](all []T, limit int, keep func(T) bool) (history.Page[T], error) {
	if limit < 1 || limit > history.MaxPageSize {
		return history.Page[T]{}, fmt.Errorf("page size %d is not in 1..%d", limit, history.MaxPageSize)
	}
	page := history.Page[T]{Items: []T{}, Total: len(all)}
	for _, item := range all {
		if !keep(item) {
			continue
		}
		if len(page.Items) == limit {
			page.HasNext = true
			break
		}
		page.Items = append(page.Items, item)
	}
	return page, nil
}
