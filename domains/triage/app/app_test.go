package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/app"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

var (
	now     = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	arrival = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
)

func openCmd(id string) app.OpenEncounter {
	return app.OpenEncounter{
		EncounterID: id,
		Patient:     encounter.PatientInput{ID: "P-1001", Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
		ArrivedAt:   arrival, Reason: "Chest pain", RegisteredBy: "CLK-4",
	}
}

func triageCmd(id string, acuity int, at time.Time) app.RecordTriage {
	return app.RecordTriage{EncounterID: id, Assessment: encounter.AssessmentInput{
		Acuity: acuity, ChiefComplaint: "Chest pain", NurseID: "N-17", AssessedAt: at,
		Vitals: encounter.VitalsInput{HeartRate: 96, Systolic: 142, Diastolic: 88, RespiratoryRate: 18, TemperatureC: 37.2, SpO2: 97, PainScore: 6},
	}}
}

// checkEvent checks the event of a receipt: type, version, actor, time,
// and that it satisfies its contract.
func checkEvent(t *testing.T, ev contracts.Event, rc app.Receipt, typ contracts.EventType, version int64, actor string, occurred time.Time) {
	t.Helper()
	if ev.Type != typ || ev.AggregateVersion != version || ev.Actor.String() != actor || !ev.OccurredAt.Equal(occurred) || !ev.RecordedAt.Equal(now) {
		t.Errorf("event = %s v%d by %q at %s (recorded %s); want %s v%d by %q at %s (recorded %s)",
			ev.Type, ev.AggregateVersion, ev.Actor, ev.OccurredAt, ev.RecordedAt, typ, version, actor, occurred, now)
	}
	if rc != app.NewReceipt(ev) {
		t.Errorf("receipt %+v does not match event %s", rc, ev.ID)
	}
	if _, err := contracts.Encode(ev); err != nil {
		t.Errorf("event breaks its contract: %v", err)
	}
}

func TestAnEncounterLifecycleEmitsOneFullStateEventPerChange(t *testing.T) {
	t.Parallel()
	store := newMemStore()
	a := app.New(store, func() time.Time { return now })
	ctx := t.Context()

	rc, err := a.OpenEncounter.Handle(ctx, openCmd(""))
	if err != nil {
		t.Fatalf("OpenEncounter: %v", err)
	}
	if !strings.HasPrefix(rc.ID, "E-") {
		t.Errorf("generated id %q, want an E- prefix", rc.ID)
	}
	checkEvent(t, store.events[0], rc, contracts.TypeEncounterOpened, 1, "clerk:CLK-4", arrival)

	first, second := arrival.Add(10*time.Minute), arrival.Add(40*time.Minute)
	for i, c := range []app.RecordTriage{triageCmd(rc.ID, 3, first), triageCmd(rc.ID, 2, second)} {
		got, err := a.RecordTriage.Handle(ctx, c)
		if err != nil {
			t.Fatalf("RecordTriage: %v", err)
		}
		checkEvent(t, store.events[1+i], got, contracts.TypeTriageRecorded, int64(2+i), "nurse:N-17", c.Assessment.AssessedAt)
	}
	retriage := store.events[2].Payload.(contracts.TriageRecorded)
	if retriage.Triage.Acuity != 2 || len(retriage.SupersededTriage) != 1 || retriage.SupersededTriage[0].Acuity != 3 {
		t.Errorf("re-triage event state %+v, want acuity 2 with acuity 3 superseded", retriage.EncounterState)
	}

	closedAt := arrival.Add(time.Hour)
	got, err := a.CloseEncounter.Handle(ctx, app.CloseEncounter{EncounterID: rc.ID, Close: encounter.CloseInput{Disposition: "admitted", ClosedAt: closedAt, ClosedBy: "PR-1"}})
	if err != nil {
		t.Fatalf("CloseEncounter: %v", err)
	}
	checkEvent(t, store.events[3], got, contracts.TypeEncounterClosed, 4, "physician:PR-1", closedAt)
}

func TestCommandsReportNotFoundConflictAndInvalidInput(t *testing.T) {
	t.Parallel()
	store := newMemStore()
	a := app.New(store, func() time.Time { return now })
	ctx := t.Context()
	if _, err := a.OpenEncounter.Handle(ctx, openCmd("E-1")); err != nil {
		t.Fatal(err)
	}
	_, dup := a.OpenEncounter.Handle(ctx, openCmd("E-1"))
	_, missing := a.RecordTriage.Handle(ctx, triageCmd("E-404", 3, arrival))
	_, invalid := a.RecordTriage.Handle(ctx, triageCmd("E-1", 9, arrival))
	closeCmd := app.CloseEncounter{EncounterID: "E-1", Close: encounter.CloseInput{Disposition: "discharged", ClosedAt: arrival}}
	if _, err := a.CloseEncounter.Handle(ctx, closeCmd); err != nil {
		t.Fatal(err)
	}
	_, twice := a.CloseEncounter.Handle(ctx, closeCmd)
	var v *encounter.ValidationError
	switch {
	case !errors.Is(dup, encounter.ErrAlreadyExists):
		t.Errorf("duplicate id: %v", dup)
	case !errors.Is(missing, encounter.ErrNotFound):
		t.Errorf("unknown encounter: %v", missing)
	case !errors.As(invalid, &v):
		t.Errorf("acuity 9: %v", invalid)
	case !errors.Is(twice, encounter.ErrClosed):
		t.Errorf("closing twice: %v", twice)
	}
	if len(store.events) != 2 {
		t.Errorf("%d events, want 2: failed commands emit nothing", len(store.events))
	}
}
