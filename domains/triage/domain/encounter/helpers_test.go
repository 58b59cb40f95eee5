package encounter_test

import (
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
)

var (
	now     = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	arrival = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
)

func validOpen() encounter.OpenInput {
	return encounter.OpenInput{
		ID:        "E-2001",
		Patient:   encounter.PatientInput{ID: "P-1001", Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
		ArrivedAt: arrival,
		Reason:    "Chest pain since morning",
	}
}

func validVitals() encounter.VitalsInput {
	return encounter.VitalsInput{HeartRate: 96, Systolic: 142, Diastolic: 88, RespiratoryRate: 18, TemperatureC: 37.2, SpO2: 97, PainScore: 6}
}

func validTriage() encounter.AssessmentInput {
	return encounter.AssessmentInput{Acuity: 3, ChiefComplaint: "Chest pain", Vitals: validVitals(), NurseID: "N-17", AssessedAt: arrival.Add(12 * time.Minute)}
}

func open(t *testing.T) *encounter.Encounter {
	t.Helper()
	e, err := encounter.Open(validOpen(), now)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return e
}

// wantFields checks that err is a *ValidationError naming exactly fields.
func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	var v *encounter.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want a *ValidationError for %v", err, fields)
	}
	got := map[string]bool{}
	for _, f := range v.Fields {
		got[f.Field] = true
		if f.Reason == "" {
			t.Errorf("field %s has no reason", f.Field)
		}
	}
	for _, f := range fields {
		if !got[f] {
			t.Errorf("errors %v do not name %s", v.Fields, f)
		}
	}
	if len(got) != len(fields) {
		t.Errorf("errors %v, want exactly %v", v.Fields, fields)
	}
}
