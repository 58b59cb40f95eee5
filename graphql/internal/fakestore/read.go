package fakestore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/prontuario/prontuario/aggregator/history"
)

// Patient implements schema.Reader.
func (s *Store) Patient(ctx context.Context, id string) (history.Patient, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "Patient"); err != nil {
		return history.Patient{}, err
	}
	p, ok := s.patients[id]
	if !ok {
		return p, fmt.Errorf("patient %s: %w", id, history.ErrNotFound)
	}
	return p, nil
}

// Encounter implements schema.Reader.
func (s *Store) Encounter(ctx context.Context, id string) (history.Encounter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "Encounter"); err != nil {
		return history.Encounter{}, err
	}
	e, ok := s.encounters[id]
	if !ok {
		return e, fmt.Errorf("encounter %s: %w", id, history.ErrNotFound)
	}
	return e, nil
}

// Encounters answers one query as EncountersOfPatients does: newest first by (SortTime, ID).
func (s *Store) Encounters(ctx context.Context, q history.EncounterQuery) (history.Page[history.Encounter], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "Encounters"); err != nil {
		return history.Page[history.Encounter]{}, err
	}
	return s.encounterPage(q)
}

// encounterPage answers q; the caller holds s.mu.
func (s *Store) encounterPage(q history.EncounterQuery) (history.Page[history.Encounter], error) {
	var all []history.Encounter
	for _, e := range s.encounters {
		if e.PatientID == q.PatientID && within(e.SortTime, q.From, q.To) {
			all = append(all, e)
		}
	}
	slices.SortFunc(all, func(a, b history.Encounter) int {
		return -cmp.Or(a.SortTime.Compare(b.SortTime), strings.Compare(a.ID, b.ID))
	})
	return paginate(all, q.Limit, func(e history.Encounter) bool {
		a := q.After
		return a == nil || e.SortTime.Before(a.SortTime) || (e.SortTime.Equal(a.SortTime) && e.ID < a.ID)
	})
}

// Patients implements schema.Reader: by id, every word of the name filter
// a prefix of some word of the name.
func (s *Store) Patients(ctx context.Context, q history.PatientQuery) (history.Page[history.Patient], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.enter(ctx, "Patients"); err != nil {
		return history.Page[history.Patient]{}, err
	}
	var all []history.Patient
	for _, p := range s.patients {
		if matches(p, q) {
			all = append(all, p)
		}
	}
	slices.SortFunc(all, func(a, b history.Patient) int { return strings.Compare(a.ID, b.ID) })
	return paginate(all, q.Limit, func(p history.Patient) bool { return p.ID > q.AfterID })
}

func matches(p history.Patient, q history.PatientQuery) bool {
	if q.Name == "" && q.BirthDate == "" {
		return true
	}
	if p.Demographics == nil {
		return false
	}
	if q.BirthDate != "" && p.Demographics.BirthDate != q.BirthDate {
		return false
	}
	names := words(p.Demographics.Name)
	for _, w := range words(q.Name) {
		if !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, w) }) {
			return false
		}
	}
	return true
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
