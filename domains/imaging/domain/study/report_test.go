package study_test

import (
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

func TestFinalizeReportRejectsEachInvalidInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*study.ReportInput)
		fields []string
	}{
		{"missing_findings", func(in *study.ReportInput) { in.Findings = "" }, []string{"findings"}},
		{"missing_impression", func(in *study.ReportInput) { in.Impression = "\n" }, []string{"impression"}},
		{"missing_radiologist", func(in *study.ReportInput) { in.Radiologist = "" }, []string{"radiologist"}},
		{"finalized_before_the_acquisition", func(in *study.ReportInput) { in.FinalizedAt = orderedAt }, []string{"finalizedAt"}},
		{"finalized_in_the_future", func(in *study.ReportInput) { in.FinalizedAt = now.Add(time.Hour) }, []string{"finalizedAt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := advance(t, 1)
			in := validReport()
			tc.change(&in)
			wantFields(t, s.FinalizeReport(in, now), tc.fields...)
		})
	}
}

func TestAReportNeedsAPerformedStudyAndIsFinalizedOnce(t *testing.T) {
	t.Parallel()
	if err := advance(t, 0).FinalizeReport(validReport(), now); !errors.Is(err, study.ErrNotPerformed) {
		t.Errorf("report before the acquisition = %v, want ErrNotPerformed", err)
	}
	s := advance(t, 2)
	if s.Version() != 3 || s.Status() != study.StatusReported {
		t.Errorf("reported study: version %d, status %s", s.Version(), s.Status())
	}
	if err := s.FinalizeReport(validReport(), now); !errors.Is(err, study.ErrAlreadyReported) {
		t.Errorf("second report = %v, want ErrAlreadyReported", err)
	}
}

func TestAmendReportRejectsEachInvalidInput(t *testing.T) {
	t.Parallel()
	current := validReport()
	tests := []struct {
		name   string
		change func(*study.AmendInput)
		fields []string
	}{
		{"nothing_to_amend", func(in *study.AmendInput) { in.Findings, in.Impression = nil, nil }, []string{"findings"}},
		{"blank_findings", func(in *study.AmendInput) { in.Findings = ptr(" ") }, []string{"findings"}},
		{"same_text_as_now", func(in *study.AmendInput) { in.Findings, in.Impression = ptr(current.Findings), nil }, []string{""}},
		{"missing_reason", func(in *study.AmendInput) { in.Reason = "" }, []string{"reason"}},
		{"missing_radiologist", func(in *study.AmendInput) { in.Radiologist = "" }, []string{"radiologist"}},
		{"amended_before_the_report", func(in *study.AmendInput) { in.AmendedAt = current.FinalizedAt.Add(-time.Minute) }, []string{"amendedAt"}},
		{"amended_in_the_future", func(in *study.AmendInput) { in.AmendedAt = now.Add(time.Hour) }, []string{"amendedAt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := advance(t, 2)
			in := validAmend()
			tc.change(&in)
			wantFields(t, s.AmendReport(in, now), tc.fields...)
			if s.Version() != 3 {
				t.Error("a rejected amendment changed the study")
			}
		})
	}
}

func TestAmendmentsKeepTheTextTheyReplace(t *testing.T) {
	t.Parallel()
	if err := advance(t, 1).AmendReport(validAmend(), now); !errors.Is(err, study.ErrNotReported) {
		t.Errorf("amending a study without a report = %v, want ErrNotReported", err)
	}
	s := advance(t, 2)
	first := validAmend()
	second := study.AmendInput{Impression: ptr("Small right pleural effusion, unchanged."), Reason: "Typo", Radiologist: "RAD-3", AmendedAt: first.AmendedAt.Add(time.Minute)}
	for _, in := range []study.AmendInput{first, second} {
		if err := s.AmendReport(in, now); err != nil {
			t.Fatalf("AmendReport: %v", err)
		}
	}
	r := s.State().Report
	if s.Version() != 5 || r.Status != study.ReportAmended || len(r.Amendments) != 2 {
		t.Fatalf("after two amendments: version %d, report %+v", s.Version(), r)
	}
	if r.Amendments[0].PreviousFindings != "No pulmonary embolism." || r.Amendments[1].PreviousImpression != *first.Impression ||
		r.Findings != *first.Findings || r.Impression != *second.Impression || r.Radiologist != "RAD-2" {
		t.Errorf("report %+v does not keep the replaced text", r)
	}
	early := second
	early.Impression, early.AmendedAt = ptr("x"), first.AmendedAt // before the last amendment
	wantFields(t, s.AmendReport(early, now), "amendedAt")
}
