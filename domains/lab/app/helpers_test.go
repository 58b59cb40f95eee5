package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

var (
	orderedAt = time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)
	now       = time.Date(2026, 3, 2, 13, 0, 0, 0, time.UTC)
)

func clock() time.Time { return now }

func ptr(v float64) *float64 { return &v }

func newApp() (app.Application, *fakeStore) {
	s := newFakeStore()
	return app.New(s, clock), s
}

func placeCmd(patientID string) app.PlaceLabOrder {
	return app.PlaceLabOrder{
		PlaceRequest: laborder.PlaceRequest{
			PatientID: patientID, EncounterID: "E-2001", OrderedBy: "PR-1", OrderedAt: orderedAt,
			Tests: []laborder.TestRequest{{Code: "718-7", Name: "Hemoglobin"}, {Code: "2823-3", Name: "Potassium"}},
		},
	}
}

func place(t *testing.T, a app.Application) app.Receipt {
	t.Helper()
	r, err := a.PlaceLabOrder.Handle(context.Background(), placeCmd("P-1001"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func resultCmd(orderID, status string) app.RecordLabResult {
	return app.RecordLabResult{OrderID: orderID, ResultRequest: laborder.ResultRequest{
		Code: "2823-3", Value: ptr(5.9), Unit: "mmol/L",
		ReferenceRange: contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)},
		Status:         status, Performer: "LAB-7", ResultedAt: orderedAt.Add(time.Hour),
	}}
}

func correctCmd(orderID string) app.CorrectLabResult {
	return app.CorrectLabResult{OrderID: orderID, Code: "2823-3", CorrectionRequest: laborder.CorrectionRequest{
		Value: ptr(4.2), Unit: "mmol/L", Reason: "Hemolyzed sample; redrawn", CorrectedBy: "LAB-9", CorrectedAt: orderedAt.Add(2 * time.Hour),
	}}
}
