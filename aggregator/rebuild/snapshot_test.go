package rebuild_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
)

// snapshot renders every collection of the active generation of the store
// at path: the patients' documents, all their encounters and audit trails,
// every billable item, every dead letter, and per source the freshness
// (event time, offsets, applied and dead-lettered counts). What legitimately
// differs between two builds is cleared: ingestion and apply times, store
// revisions, when a dead letter was recorded.
func snapshot(t *testing.T, s *sqlitestore.Store, path string, patientIDs []string) string {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]any{}
	for _, id := range patientIDs {
		p, err := s.Patient(ctx, id)
		must(err)
		p.Revision = 0
		encounters, err := s.Encounters(ctx, history.EncounterQuery{PatientID: id, Limit: history.MaxPageSize})
		must(err)
		for i := range encounters.Items {
			encounters.Items[i].Revision = 0
		}
		audit, err := s.AuditTrail(ctx, history.AuditQuery{PatientID: id, Limit: history.MaxPageSize})
		must(err)
		if encounters.HasNext || audit.HasNext {
			t.Fatalf("patient %s has more than a page: the snapshot would be partial", id)
		}
		out[id] = clearIngested(t, map[string]any{"patient": p, "encounters": encounters, "audit": audit})
	}
	billable, err := s.BillableItems(ctx, history.BillableQuery{Limit: history.MaxPageSize})
	must(err)
	fresh, err := s.Freshness(ctx)
	must(err)
	for i := range fresh {
		fresh[i].NewestAppliedAt = time.Time{} // the wall clock of the last apply
	}
	out["billable"], out["freshness"], out["deadLetters"] = billable, fresh, deadLetters(t, s, path)
	b, err := json.Marshal(out)
	must(err)
	return string(b)
}

// deadLetters lists the active generation's dead letters, "id source kind"
// each, sorted: the store has no reader for them beyond counts, so they are
// read from its tables.
func deadLetters(t *testing.T, s *sqlitestore.Store, path string) []string {
	t.Helper()
	gen, err := s.ActiveGeneration(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_query_only=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(fmt.Sprintf(`SELECT id, source FROM "g_%s_dead_letters" ORDER BY id`, gen))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var id, source string
		if err := rows.Scan(&id, &source); err != nil {
			t.Fatal(err)
		}
		out = append(out, id+" "+source)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
