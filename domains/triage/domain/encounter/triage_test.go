package encounter_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

func TestImpossibleVitalsAreRejected(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*encounter.VitalsInput)
		field  string
	}{
		{"heart_rate_above_300", func(v *encounter.VitalsInput) { v.HeartRate = 420 }, "heartRate"},
		{"negative_heart_rate", func(v *encounter.VitalsInput) { v.HeartRate = -1 }, "heartRate"},
		{"systolic_above_300", func(v *encounter.VitalsInput) { v.Systolic = 320 }, "systolic"},
		{"diastolic_above_250", func(v *encounter.VitalsInput) { v.Systolic = 300; v.Diastolic = 260 }, "diastolic"},
		{"diastolic_not_below_systolic", func(v *encounter.VitalsInput) { v.Systolic = 80; v.Diastolic = 90 }, "diastolic"},
		{"respiratory_rate_above_80", func(v *encounter.VitalsInput) { v.RespiratoryRate = 95 }, "respiratoryRate"},
		{"temperature_below_20", func(v *encounter.VitalsInput) { v.TemperatureC = 15 }, "temperatureC"},
		{"temperature_above_46", func(v *encounter.VitalsInput) { v.TemperatureC = 47.5 }, "temperatureC"},
		{"temperature_not_a_number", func(v *encounter.VitalsInput) { v.TemperatureC = math.NaN() }, "temperatureC"},
		{"spo2_above_100", func(v *encounter.VitalsInput) { v.SpO2 = 101 }, "spo2"},
		{"pain_above_10", func(v *encounter.VitalsInput) { v.PainScore = 11 }, "painScore"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := validVitals()
			tc.change(&v)
			_, err := encounter.NewVitals(v)
			wantFields(t, err, tc.field)
		})
	}
}

func TestVitalsOfACardiacArrestAreAccepted(t *testing.T) {
	t.Parallel()
	if _, err := encounter.NewVitals(encounter.VitalsInput{TemperatureC: 35.5}); err != nil {
		t.Errorf("all-zero vitals of an arrest: %v", err)
	}
}

func TestRecordTriageRejectsEachInvalidInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*encounter.AssessmentInput)
		fields []string
	}{
		{"acuity_zero", func(a *encounter.AssessmentInput) { a.Acuity = 0 }, []string{"acuity"}},
		{"acuity_six", func(a *encounter.AssessmentInput) { a.Acuity = 6 }, []string{"acuity"}},
		{"missing_chief_complaint", func(a *encounter.AssessmentInput) { a.ChiefComplaint = "" }, []string{"chiefComplaint"}},
		{"missing_nurse", func(a *encounter.AssessmentInput) { a.NurseID = "" }, []string{"nurseId"}},
		{"missing_assessment_time", func(a *encounter.AssessmentInput) { a.AssessedAt = time.Time{} }, []string{"assessedAt"}},
		{"assessed_in_the_future", func(a *encounter.AssessmentInput) { a.AssessedAt = now.Add(time.Hour) }, []string{"assessedAt"}},
		{"assessed_before_arrival", func(a *encounter.AssessmentInput) { a.AssessedAt = arrival.Add(-time.Minute) }, []string{"assessedAt"}},
		{"impossible_vitals_are_named_by_path", func(a *encounter.AssessmentInput) { a.Vitals.HeartRate = 999; a.Vitals.SpO2 = 120 },
			[]string{"vitals.heartRate", "vitals.spo2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := open(t)
			in := validTriage()
			tc.change(&in)
			wantFields(t, e.RecordTriage(in, now), tc.fields...)
			if e.Version() != 1 {
				t.Errorf("version = %d after a rejected triage, want 1", e.Version())
			}
		})
	}
}

func TestReTriageSupersedesTheCurrentAssessment(t *testing.T) {
	t.Parallel()
	e := open(t)
	first, second := validTriage(), validTriage()
	second.Acuity, second.AssessedAt = 2, first.AssessedAt.Add(30*time.Minute)
	for _, in := range []encounter.AssessmentInput{first, second} {
		if err := e.RecordTriage(in, now); err != nil {
			t.Fatalf("RecordTriage: %v", err)
		}
	}
	s := e.State()
	if e.Version() != 3 || s.Triage == nil || s.Triage.Acuity != 2 || len(s.SupersededTriage) != 1 || s.SupersededTriage[0].Acuity != 3 {
		t.Errorf("after re-triage: version %d, state %+v; want version 3, acuity 2 current and 3 superseded", e.Version(), s)
	}
	earlier := validTriage()
	earlier.AssessedAt = first.AssessedAt
	wantFields(t, e.RecordTriage(earlier, now), "assessedAt")
}

func TestAClosedEncounterCannotBeTriaged(t *testing.T) {
	t.Parallel()
	e := open(t)
	if err := e.Close(encounter.CloseInput{Disposition: "discharged", ClosedAt: arrival.Add(time.Hour)}, now); err != nil {
		t.Fatal(err)
	}
	err := e.RecordTriage(validTriage(), now)
	if !errors.Is(err, encounter.ErrClosed) || !errors.Is(err, encounter.ErrConflict) {
		t.Errorf("RecordTriage on a closed encounter = %v, want ErrClosed (a conflict)", err)
	}
}
