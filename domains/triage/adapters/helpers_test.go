package adapters_test

import (
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// eventOf is the event a command would emit for e's current version.
func eventOf(t *testing.T, e *encounter.Encounter) contracts.Event {
	t.Helper()
	var p contracts.Payload = contracts.TriageRecorded{EncounterState: e.State()}
	if e.Version() == 1 {
		p = contracts.EncounterOpened{EncounterState: e.State()}
	}
	ev, err := contracts.NewEvent(p, contracts.Meta{OccurredAt: arrival, RecordedAt: now, AggregateVersion: e.Version()})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// triageChange re-triages at the given time and returns the event.
func triageChange(t *testing.T, at time.Time) func(*encounter.Encounter) (contracts.Event, error) {
	return func(e *encounter.Encounter) (contracts.Event, error) {
		if err := e.RecordTriage(triage(at), now); err != nil {
			return contracts.Event{}, err
		}
		return eventOf(t, e), nil
	}
}

// versionsInOutbox lists the outbox's aggregate versions of one encounter, in outbox order.
func versionsInOutbox(t *testing.T, db *sqldb.DB, id string) []int64 {
	t.Helper()
	pending, err := outbox.ListPending(t.Context(), db, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var vs []int64
	for _, p := range pending {
		if p.AggregateID == id {
			vs = append(vs, p.AggregateVersion)
		}
	}
	return vs
}

func storedVersion(t *testing.T, db *sqldb.DB, id string) int64 {
	t.Helper()
	var v int64
	if err := db.QueryRowContext(t.Context(), "SELECT version FROM encounters WHERE id = ?", id).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
