package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

func validationTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"malformed_queries_are_rejected_with_err_invalid_query", testInvalidQueries[S]},
		{"malformed_batches_are_rejected_and_write_nothing", testInvalidBatches[S]},
	}
}

func testInvalidQueries[S Store[S]](t *testing.T, s S) {
	tooLate := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, read := range map[string]func(context.Context) error{
		"empty patient id":   func(c context.Context) error { _, err := s.Patient(c, ""); return err },
		"empty encounter id": func(c context.Context) error { _, err := s.Encounter(c, ""); return err },
		"empty event id":     func(c context.Context) error { _, err := s.EventApplied(c, ""); return err },
		"encounters without limit": func(c context.Context) error {
			_, err := s.Encounters(c, history.EncounterQuery{PatientID: "P-1"})
			return err
		},
		"encounters without patient": func(c context.Context) error {
			_, err := s.Encounters(c, history.EncounterQuery{Limit: 1})
			return err
		},
		"encounters period backwards": func(c context.Context) error {
			_, err := s.Encounters(c, history.EncounterQuery{PatientID: "P-1", From: at(5), To: at(1), Limit: 1})
			return err
		},
		"patients page too big": func(c context.Context) error {
			_, err := s.Patients(c, history.PatientQuery{Limit: history.MaxPageSize + 1})
			return err
		},
		"birth date not a date": func(c context.Context) error {
			_, err := s.Patients(c, history.PatientQuery{BirthDate: "10/07/1985", Limit: 1})
			return err
		},
		"name without words": func(c context.Context) error {
			_, err := s.Patients(c, history.PatientQuery{Name: " -- ", Limit: 1})
			return err
		},
		"billing period beyond year 9999": func(c context.Context) error {
			_, err := s.BillableItems(c, history.BillableQuery{To: tooLate, Limit: 1})
			return err
		},
		"audit cursor without event id": func(c context.Context) error {
			_, err := s.AuditTrail(c, history.AuditQuery{PatientID: "P-1", After: &history.AuditKey{OccurredAt: at(1)}, Limit: 1})
			return err
		},
		"access log negative limit": func(c context.Context) error {
			_, err := s.AccessLog(c, history.AccessQuery{Limit: -1})
			return err
		},
	} {
		if err := read(ctx(t)); !errors.Is(err, store.ErrInvalidQuery) {
			t.Errorf("%s: error %v, want store.ErrInvalidQuery", name, err)
		}
	}
}

func testInvalidBatches[S Store[S]](t *testing.T, s S) {
	valid := patient("P-1", "Maria Oliveira", "1985-07-10")
	stray := billable("LAB_TEST:LO-1:718-7", "E-2", at(1))
	for name, b := range map[string]store.Batch{
		"patient without id":        {Patients: []history.Patient{valid, {}}},
		"patient twice":             {Patients: []history.Patient{valid, valid}},
		"encounter without patient": {Patients: []history.Patient{valid}, Encounters: []history.Encounter{{ID: "E-1"}}},
		"billable item filed under another encounter": {Patients: []history.Patient{valid},
			Billable: map[string][]history.BillableItem{"E-1": {stray}}},
		"audit entry without event id": {Patients: []history.Patient{valid}, Audit: []history.AuditEntry{{PatientID: "P-1"}}},
		"dead letter without id":       {Patients: []history.Patient{valid}, DeadLetters: []history.DeadLetter{{Topic: contracts.TopicLab}}},
		"freshness without source":     {Patients: []history.Patient{valid}, Freshness: []history.SourceFreshness{{NewestEventTime: at(1)}}},
		"time beyond year 9999": {Patients: []history.Patient{valid},
			Encounters: []history.Encounter{encounter("E-1", "P-1", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))}},
	} {
		if err := s.Commit(ctx(t), b); !errors.Is(err, store.ErrInvalidWrite) {
			t.Errorf("%s: error %v, want store.ErrInvalidWrite", name, err)
		}
	}
	if _, err := s.Patient(ctx(t), "P-1"); !errors.Is(err, history.ErrNotFound) {
		t.Errorf("a patient of a rejected batch was stored (error %v)", err)
	}
	if err := s.AppendAccess(ctx(t), history.AccessEntry{ID: "A-1"}); !errors.Is(err, store.ErrInvalidWrite) {
		t.Errorf("access entry without subject and time: error %v, want store.ErrInvalidWrite", err)
	}
}
