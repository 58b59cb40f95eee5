package prescription_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

var issuedAt = time.Date(2026, 3, 2, 10, 40, 0, 0, time.UTC)

func mustPrescriber(t *testing.T, id, specialty string, active bool) prescription.Prescriber {
	t.Helper()
	p, err := prescription.NewPrescriber(id, "Dr. "+id, specialty, "CRM-"+id, active)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// formulary is a cardiologist PR-1 who may prescribe antiplatelets and
// analgesics, and three medications.
func formulary(t *testing.T, prescriber *prescription.Prescriber) prescription.Formulary {
	t.Helper()
	var meds []prescription.Medication
	for _, m := range [][3]string{
		{"ASA100", "Aspirin 100 mg", "antiplatelet"},
		{"PCM500", "Paracetamol 500 mg", "analgesic"},
		{"MOR10", "Morphine 10 mg", "opioid analgesic"},
	} {
		med, err := prescription.NewMedication(m[0], m[1], m[2])
		if err != nil {
			t.Fatal(err)
		}
		meds = append(meds, med)
	}
	var auths []prescription.Authorization
	for _, class := range []string{"antiplatelet", "Analgesic "} {
		a, err := prescription.NewAuthorization("cardiology", class)
		if err != nil {
			t.Fatal(err)
		}
		auths = append(auths, a)
	}
	return prescription.NewFormulary(prescriber, meds, auths)
}

func validIssue() prescription.IssueRequest {
	return prescription.IssueRequest{
		PatientID:    "P-1001",
		EncounterID:  "E-2001",
		PrescriberID: "PR-1",
		Items: []prescription.ItemRequest{
			{MedicationCode: "ASA100", Dose: "100mg", Route: "oral", Frequency: "daily", Times: []string{"08:00"}},
			{MedicationCode: "PCM500", Dose: "500mg", Route: "oral", Frequency: "q8h"},
		},
		IssuedAt: issuedAt,
	}
}

// wantFieldError fails unless err is a *ValidationError naming field and,
// when cause is not nil, wrapping cause.
func wantFieldError(t *testing.T, err error, field string, cause error) {
	t.Helper()
	var v *prescription.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error %v is not a *ValidationError", err)
	}
	if !slices.ContainsFunc(v.Fields, func(f prescription.FieldError) bool { return f.Field == field }) {
		t.Errorf("error %v does not name field %s", err, field)
	}
	if cause != nil && !errors.Is(err, cause) {
		t.Errorf("error %v does not wrap %v", err, cause)
	}
}
