package study_test

import (
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

var (
	now       = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	orderedAt = time.Date(2026, 3, 2, 10, 35, 0, 0, time.UTC)
)

func validOrder() study.OrderInput {
	return study.OrderInput{ID: "IS-5001", PatientID: "P-1001", EncounterID: "E-2001", Modality: "CT",
		ProcedureCode: "CTCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: orderedAt}
}

func validPerform() study.PerformInput {
	return study.PerformInput{StudyInstanceUID: "1.2.840.113619.2.55.3.604688", Technologist: "T-3", PerformedAt: orderedAt.Add(25 * time.Minute)}
}

func validReport() study.ReportInput {
	return study.ReportInput{Findings: "No pulmonary embolism.", Impression: "Normal CT of the chest.", Radiologist: "RAD-2", FinalizedAt: orderedAt.Add(70 * time.Minute)}
}

func ptr(s string) *string { return &s }

func validAmend() study.AmendInput {
	return study.AmendInput{Findings: ptr("Small pleural effusion on the right."), Impression: ptr("Small right pleural effusion."),
		Reason: "Re-read after comparison", Radiologist: "RAD-2", AmendedAt: orderedAt.Add(3 * time.Hour)}
}

// advance orders a study and takes it through the first steps steps:
// 1 performed, 2 reported.
func advance(t *testing.T, steps int) *study.Study {
	t.Helper()
	s, err := study.Order(validOrder(), now)
	if err != nil {
		t.Fatalf("Order: %v", err)
	}
	if steps >= 1 {
		if err := s.Perform(validPerform(), now); err != nil {
			t.Fatalf("Perform: %v", err)
		}
	}
	if steps >= 2 {
		if err := s.FinalizeReport(validReport(), now); err != nil {
			t.Fatalf("FinalizeReport: %v", err)
		}
	}
	return s
}

func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	var v *study.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want a *ValidationError for %v", err, fields)
	}
	got := map[string]bool{}
	for _, f := range v.Fields {
		got[f.Field] = true
	}
	for _, f := range fields {
		if !got[f] {
			t.Errorf("errors %v do not name %q", v.Fields, f)
		}
	}
	if len(got) != len(fields) {
		t.Errorf("errors %v, want exactly %v", v.Fields, fields)
	}
}
