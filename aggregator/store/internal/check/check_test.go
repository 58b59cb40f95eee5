package check_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

func TestEveryProblemOfAQueryIsReported(t *testing.T) {
	err := check.EncounterQuery(history.EncounterQuery{
		From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		After: &history.EncounterKey{}, Limit: 0,
	})
	if !errors.Is(err, store.ErrInvalidQuery) {
		t.Fatalf("error %v, want store.ErrInvalidQuery", err)
	}
	for _, want := range []string{"empty patient id", "not after its start", "cursor without an encounter id", "page size 0"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestValidQueriesPass(t *testing.T) {
	at := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for name, err := range map[string]error{
		"encounters": check.EncounterQuery(history.EncounterQuery{PatientID: "P-1", From: at, Limit: history.MaxPageSize}),
		"patients":   check.PatientQuery(history.PatientQuery{Name: "oliv mar", BirthDate: "1985-07-10", Limit: 1}),
		"billable":   check.BillableQuery(history.BillableQuery{From: at, To: at.AddDate(0, 1, 0), Limit: 10}),
		"audit":      check.AuditQuery(history.AuditQuery{PatientID: "P-1", After: &history.AuditKey{OccurredAt: at, EventID: "e"}, Limit: 10}),
		"access":     check.AccessQuery(history.AccessQuery{Limit: 10}),
		"entry":      check.AccessEntry(history.AccessEntry{ID: "a", At: at, Subject: "dr-house"}),
		"generation": check.Generation("20261122t0730"),
	} {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestNameQueriesAreBounded(t *testing.T) {
	for _, name := range []string{strings.Repeat("a ", 9), strings.Repeat("x", 201), "-"} {
		if err := check.PatientQuery(history.PatientQuery{Name: name, Limit: 1}); !errors.Is(err, store.ErrInvalidQuery) {
			t.Errorf("name %q: error %v, want store.ErrInvalidQuery", name, err)
		}
	}
}
