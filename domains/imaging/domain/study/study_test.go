package study_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

func TestOrderRejectsEachInvalidField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*study.OrderInput)
		fields []string
	}{
		{"missing_patient", func(in *study.OrderInput) { in.PatientID = "" }, []string{"patientId"}},
		{"missing_encounter", func(in *study.OrderInput) { in.EncounterID = "" }, []string{"encounterId"}},
		{"unknown_modality", func(in *study.OrderInput) { in.Modality = "XRAY" }, []string{"modality"}},
		{"lower_case_modality", func(in *study.OrderInput) { in.Modality = "ct" }, []string{"modality"}},
		{"missing_procedure", func(in *study.OrderInput) { in.ProcedureCode = "" }, []string{"procedureCode"}},
		{"blank_body_site", func(in *study.OrderInput) { in.BodySite = " " }, []string{"bodySite"}},
		{"body_site_too_long", func(in *study.OrderInput) { in.BodySite = strings.Repeat("x", 201) }, []string{"bodySite"}},
		{"malformed_orderer", func(in *study.OrderInput) { in.OrderedBy = "Dr. House" }, []string{"orderedBy"}},
		{"missing_order_time", func(in *study.OrderInput) { in.OrderedAt = time.Time{} }, []string{"orderedAt"}},
		{"ordered_in_the_future", func(in *study.OrderInput) { in.OrderedAt = now.Add(time.Hour) }, []string{"orderedAt"}},
		{"everything_missing", func(in *study.OrderInput) { *in = study.OrderInput{ID: "IS-1"} },
			[]string{"patientId", "encounterId", "modality", "procedureCode", "bodySite", "orderedBy", "orderedAt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := validOrder()
			tc.change(&in)
			_, err := study.Order(in, now)
			wantFields(t, err, tc.fields...)
		})
	}
}

func TestPerformRejectsEachInvalidInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*study.PerformInput)
		fields []string
	}{
		{"missing_uid", func(in *study.PerformInput) { in.StudyInstanceUID = "" }, []string{"studyInstanceUid"}},
		{"uid_with_letters", func(in *study.PerformInput) { in.StudyInstanceUID = "1.2.abc" }, []string{"studyInstanceUid"}},
		{"uid_with_leading_zero", func(in *study.PerformInput) { in.StudyInstanceUID = "1.2.03" }, []string{"studyInstanceUid"}},
		{"uid_too_long", func(in *study.PerformInput) { in.StudyInstanceUID = "1." + strings.Repeat("9", 63) }, []string{"studyInstanceUid"}},
		{"missing_technologist", func(in *study.PerformInput) { in.Technologist = "" }, []string{"technologist"}},
		{"performed_before_the_order", func(in *study.PerformInput) { in.PerformedAt = orderedAt.Add(-time.Minute) }, []string{"performedAt"}},
		{"performed_in_the_future", func(in *study.PerformInput) { in.PerformedAt = now.Add(time.Hour) }, []string{"performedAt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := advance(t, 0)
			in := validPerform()
			tc.change(&in)
			wantFields(t, s.Perform(in, now), tc.fields...)
			if s.Version() != 1 || s.Status() != study.StatusOrdered {
				t.Error("a rejected acquisition changed the study")
			}
		})
	}
}

func TestAStudyIsPerformedOnce(t *testing.T) {
	t.Parallel()
	s := advance(t, 1)
	if s.Version() != 2 || s.Status() != study.StatusPerformed {
		t.Errorf("performed study: version %d, status %s", s.Version(), s.Status())
	}
	if err := s.Perform(validPerform(), now); !errors.Is(err, study.ErrAlreadyPerformed) || !errors.Is(err, study.ErrConflict) {
		t.Errorf("second Perform = %v, want ErrAlreadyPerformed (a conflict)", err)
	}
}
