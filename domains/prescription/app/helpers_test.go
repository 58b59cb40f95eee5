package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

var (
	issuedAt = time.Date(2026, 3, 2, 10, 40, 0, 0, time.UTC)
	now      = time.Date(2026, 3, 2, 10, 40, 5, 0, time.UTC)
)

func clock() time.Time { return now }

// seeded returns an application over a fake store holding the demo catalog.
func seeded(t *testing.T) (app.Application, *fakeStore) {
	t.Helper()
	s := newFakeStore()
	if err := app.SeedDemoCatalog(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return app.New(s, clock), s
}

func issueCmd(prescriberID string, codes ...string) app.IssuePrescription {
	cmd := app.IssuePrescription{
		IssueRequest: prescription.IssueRequest{PatientID: "P-1001", EncounterID: "E-2001", PrescriberID: prescriberID, IssuedAt: issuedAt},
	}
	for _, c := range codes {
		cmd.Items = append(cmd.Items, prescription.ItemRequest{MedicationCode: c, Dose: "1 unit", Route: "oral", Frequency: "daily"})
	}
	return cmd
}

func issue(t *testing.T, a app.Application, prescriberID string, codes ...string) app.Receipt {
	t.Helper()
	r, err := a.IssuePrescription.Handle(context.Background(), issueCmd(prescriberID, codes...))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ptrTo[T any](v T) *T { return &v }
