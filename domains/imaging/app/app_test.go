package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/app"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

var (
	now       = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	orderedAt = time.Date(2026, 3, 2, 10, 35, 0, 0, time.UTC)
)

func ptr(s string) *string { return &s }

func checkEvent(t *testing.T, ev contracts.Event, rc app.Receipt, typ contracts.EventType, version int64, actor string, occurred time.Time) {
	t.Helper()
	if ev.Type != typ || ev.AggregateVersion != version || ev.Actor.String() != actor || !ev.OccurredAt.Equal(occurred) || !ev.RecordedAt.Equal(now) {
		t.Errorf("event = %s v%d by %q at %s; want %s v%d by %q at %s", ev.Type, ev.AggregateVersion, ev.Actor, ev.OccurredAt, typ, version, actor, occurred)
	}
	if rc != app.NewReceipt(ev) {
		t.Errorf("receipt %+v does not match event %s", rc, ev.ID)
	}
	if _, err := contracts.Encode(ev); err != nil {
		t.Errorf("event breaks its contract: %v", err)
	}
}

func TestAStudyFromOrderToAmendedReportEmitsOneFullStateEventPerChange(t *testing.T) {
	t.Parallel()
	store := newMemStore()
	a := app.New(store, func() time.Time { return now })
	ctx := t.Context()
	rc, err := a.OrderStudy.Handle(ctx, app.OrderStudy{PatientID: "P-1001", EncounterID: "E-2001", Modality: "CT",
		ProcedureCode: "CTCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: orderedAt})
	if err != nil {
		t.Fatalf("OrderStudy: %v", err)
	}
	if !strings.HasPrefix(rc.ID, "IS-") {
		t.Errorf("generated id %q, want an IS- prefix", rc.ID)
	}
	checkEvent(t, store.events[0], rc, contracts.TypeImagingStudyOrdered, 1, "physician:PR-1", orderedAt)

	performedAt, finalizedAt, amendedAt := orderedAt.Add(25*time.Minute), orderedAt.Add(70*time.Minute), orderedAt.Add(3*time.Hour)
	got, err := a.RecordPerformed.Handle(ctx, app.RecordPerformed{StudyID: rc.ID, Perform: study.PerformInput{StudyInstanceUID: "1.2.840.1", Technologist: "T-3", PerformedAt: performedAt}})
	if err != nil {
		t.Fatalf("RecordPerformed: %v", err)
	}
	checkEvent(t, store.events[1], got, contracts.TypeImagingStudyPerformed, 2, "technologist:T-3", performedAt)

	got, err = a.FinalizeReport.Handle(ctx, app.FinalizeReport{StudyID: rc.ID, Report: study.ReportInput{Findings: "Clear.", Impression: "Normal.", Radiologist: "RAD-2", FinalizedAt: finalizedAt}})
	if err != nil {
		t.Fatalf("FinalizeReport: %v", err)
	}
	checkEvent(t, store.events[2], got, contracts.TypeImagingReportFinalized, 3, "radiologist:RAD-2", finalizedAt)

	got, err = a.AmendReport.Handle(ctx, app.AmendReport{StudyID: rc.ID, Amend: study.AmendInput{Impression: ptr("Small effusion."), Reason: "Re-read", Radiologist: "RAD-9", AmendedAt: amendedAt}})
	if err != nil {
		t.Fatalf("AmendReport: %v", err)
	}
	checkEvent(t, store.events[3], got, contracts.TypeImagingReportAmended, 4, "radiologist:RAD-9", amendedAt)
	amended := store.events[3].Payload.(contracts.ImagingReportAmended)
	if amended.Report.Status != "amended" || len(amended.Report.Amendments) != 1 || amended.Report.Amendments[0].PreviousImpression != "Normal." {
		t.Errorf("amended report %+v, want status amended with the previous impression kept", amended.Report)
	}
}

func TestCommandsReportNotFoundAndConflicts(t *testing.T) {
	t.Parallel()
	store := newMemStore()
	a := app.New(store, func() time.Time { return now })
	ctx := t.Context()
	rc, err := a.OrderStudy.Handle(ctx, app.OrderStudy{PatientID: "P-1", EncounterID: "E-1", Modality: "XR", ProcedureCode: "XRCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: orderedAt})
	if err != nil {
		t.Fatal(err)
	}
	report := study.ReportInput{Findings: "x", Impression: "y", Radiologist: "RAD-2", FinalizedAt: orderedAt.Add(time.Hour)}
	_, early := a.FinalizeReport.Handle(ctx, app.FinalizeReport{StudyID: rc.ID, Report: report})
	_, missing := a.RecordPerformed.Handle(ctx, app.RecordPerformed{StudyID: "IS-404", Perform: study.PerformInput{StudyInstanceUID: "1.2", Technologist: "T-1", PerformedAt: orderedAt}})
	if !errors.Is(early, study.ErrNotPerformed) || !errors.Is(missing, study.ErrNotFound) {
		t.Errorf("report before acquisition: %v; unknown study: %v", early, missing)
	}
	if len(store.events) != 1 {
		t.Errorf("%d events, want 1: failed commands emit nothing", len(store.events))
	}
}
