package adapters_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
	"github.com/prontuario/prontuario/internal/sqldb"
)

var (
	issuedAt = time.Date(2026, 3, 2, 10, 40, 0, 0, time.UTC)
	now      = time.Date(2026, 3, 2, 10, 40, 5, 0, time.UTC)
)

func issueCmd(patientID string, codes ...string) app.IssuePrescription {
	cmd := app.IssuePrescription{IssueRequest: prescription.IssueRequest{
		PatientID: patientID, EncounterID: "E-2001", PrescriberID: "PR-1", IssuedAt: issuedAt,
	}}
	for _, c := range codes {
		cmd.Items = append(cmd.Items, prescription.ItemRequest{MedicationCode: c, Dose: "100mg", Route: "oral", Frequency: "daily", Times: []string{"08:00"}})
	}
	return cmd
}

func issue(t *testing.T, f fixture, patientID string) app.Receipt {
	t.Helper()
	r, err := f.app.IssuePrescription.Handle(context.Background(), issueCmd(patientID, "ASA100", "PCM500"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func cancelCmd(id string) app.CancelPrescription {
	return app.CancelPrescription{PrescriptionID: id, CancelRequest: prescription.CancelRequest{
		Reason: "Allergy reported", CancelledBy: "PR-1", CancelledAt: issuedAt.Add(time.Hour),
	}}
}

// outboxRow is an event waiting in the outbox.
type outboxRow struct {
	EventID, AggregateID, Type string
	Version                    int64
}

func outboxRows(t *testing.T, db *sqldb.DB) []outboxRow {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), `SELECT event_id, aggregate_id, aggregate_version, headers FROM outbox ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []outboxRow
	for rows.Next() {
		var r outboxRow
		var headers string
		if err := rows.Scan(&r.EventID, &r.AggregateID, &r.Version, &headers); err != nil {
			t.Fatal(err)
		}
		var h map[string]string
		if err := json.Unmarshal([]byte(headers), &h); err != nil {
			t.Fatal(err)
		}
		r.Type = h[contracts.HeaderType]
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func count(t *testing.T, db *sqldb.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// breakOutbox makes every outbox insert fail until the test ends, the
// failure injected after the state write of a command.
func breakOutbox(t *testing.T, db *sqldb.DB) (restore func()) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `ALTER TABLE outbox RENAME TO outbox_broken`); err != nil {
		t.Fatal(err)
	}
	return func() {
		if _, err := db.ExecContext(ctx, `ALTER TABLE outbox_broken RENAME TO outbox`); err != nil {
			t.Fatal(err)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }
