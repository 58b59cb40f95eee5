package adapters_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
	"github.com/prontuario/prontuario/internal/sqldb"
)

var (
	orderedAt = time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)
	now       = time.Date(2026, 3, 2, 13, 0, 0, 0, time.UTC)
)

func ptr(v float64) *float64 { return &v }

func placeCmd(patientID string) app.PlaceLabOrder {
	return app.PlaceLabOrder{PlaceRequest: laborder.PlaceRequest{
		PatientID: patientID, EncounterID: "E-2001", OrderedBy: "PR-1", OrderedAt: orderedAt,
		Tests: []laborder.TestRequest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}},
	}}
}

func place(t *testing.T, f fixture, patientID string) app.Receipt {
	t.Helper()
	r, err := f.app.PlaceLabOrder.Handle(context.Background(), placeCmd(patientID))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func resultCmd(orderID, code string, value float64) app.RecordLabResult {
	return app.RecordLabResult{OrderID: orderID, ResultRequest: laborder.ResultRequest{
		Code: code, Value: ptr(value), Unit: "mmol/L",
		ReferenceRange: contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)},
		Status:         contracts.ResultStatusFinal, Performer: "LAB-7", ResultedAt: orderedAt.Add(time.Hour),
	}}
}

func correctCmd(orderID string) app.CorrectLabResult {
	return app.CorrectLabResult{OrderID: orderID, Code: "2823-3", CorrectionRequest: laborder.CorrectionRequest{
		Value: ptr(4.2), Unit: "mmol/L", Reason: "Hemolyzed sample; redrawn", CorrectedBy: "LAB-9", CorrectedAt: orderedAt.Add(2 * time.Hour),
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

// breakOutbox makes every outbox insert fail until restore is called: the
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
