package encounter_test

import (
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

func TestOpenRejectsEachInvalidField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*encounter.OpenInput)
		fields []string
	}{
		{"missing_encounter_id", func(in *encounter.OpenInput) { in.ID = "" }, []string{"encounterId"}},
		{"encounter_id_with_spaces", func(in *encounter.OpenInput) { in.ID = "E 1" }, []string{"encounterId"}},
		{"encounter_id_too_long", func(in *encounter.OpenInput) { in.ID = strings.Repeat("E", 129) }, []string{"encounterId"}},
		{"missing_patient_id", func(in *encounter.OpenInput) { in.Patient.ID = "" }, []string{"patient.id"}},
		{"blank_patient_name", func(in *encounter.OpenInput) { in.Patient.Name = "  " }, []string{"patient.name"}},
		{"birth_date_not_a_date", func(in *encounter.OpenInput) { in.Patient.BirthDate = "10/07/1985" }, []string{"patient.birthDate"}},
		{"birth_date_in_the_future", func(in *encounter.OpenInput) { in.Patient.BirthDate = "2027-01-01" }, []string{"patient.birthDate"}},
		{"birth_date_before_1900", func(in *encounter.OpenInput) { in.Patient.BirthDate = "1899-12-31" }, []string{"patient.birthDate"}},
		{"unknown_sex", func(in *encounter.OpenInput) { in.Patient.Sex = "F" }, []string{"patient.sex"}},
		{"missing_arrival", func(in *encounter.OpenInput) { in.ArrivedAt = time.Time{} }, []string{"arrivedAt"}},
		{"arrival_in_the_future", func(in *encounter.OpenInput) { in.ArrivedAt = now.Add(time.Hour) }, []string{"arrivedAt"}},
		{"arrival_before_birth", func(in *encounter.OpenInput) {
			in.Patient.BirthDate = "2026-03-02"
			in.ArrivedAt = arrival.Add(-11 * time.Hour)
		},
			[]string{"arrivedAt"}},
		{"reason_too_long", func(in *encounter.OpenInput) { in.Reason = strings.Repeat("x", 4001) }, []string{"reason"}},
		{"malformed_registered_by", func(in *encounter.OpenInput) { in.RegisteredBy = "clerk #4" }, []string{"registeredBy"}},
		{"every_problem_at_once", func(in *encounter.OpenInput) {
			in.ID = ""
			in.Patient = encounter.PatientInput{}
			in.ArrivedAt = time.Time{}
		},
			[]string{"encounterId", "patient.id", "patient.name", "patient.birthDate", "patient.sex", "arrivedAt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := validOpen()
			tc.change(&in)
			_, err := encounter.Open(in, now)
			wantFields(t, err, tc.fields...)
		})
	}
}

func TestOpenAcceptsAValidArrivalWithinTheClockSkew(t *testing.T) {
	t.Parallel()
	in := validOpen()
	in.ArrivedAt = now.Add(encounter.ClockSkew - time.Second).In(time.FixedZone("BRT", -3*3600))
	in.RegisteredBy = "CLK-4"
	e, err := encounter.Open(in, now)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if e.Version() != 1 || e.Status() != encounter.StatusOpen || e.ArrivedAt().Location() != time.UTC {
		t.Errorf("opened encounter: version %d, status %s, arrival %s; want 1, open, UTC", e.Version(), e.Status(), e.ArrivedAt())
	}
}
