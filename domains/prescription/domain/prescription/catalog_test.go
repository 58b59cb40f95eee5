package prescription_test

import (
	"strings"
	"testing"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func TestNewPrescriberRejects(t *testing.T) {
	tests := []struct {
		name, id, fullName, specialty, license, field string
	}{
		{"a_missing_id", "", "Dr. A", "Cardiology", "CRM1", "id"},
		{"a_missing_name", "PR-1", " ", "Cardiology", "CRM1", "name"},
		{"a_missing_specialty", "PR-1", "Dr. A", "", "CRM1", "specialty"},
		{"a_specialty_longer_than_128", "PR-1", "Dr. A", strings.Repeat("s", 129), "CRM1", "specialty"},
		{"a_missing_license", "PR-1", "Dr. A", "Cardiology", "", "license"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := prescription.NewPrescriber(tt.id, tt.fullName, tt.specialty, tt.license, true)
			wantFieldError(t, err, tt.field, nil)
		})
	}
}

func TestNewMedicationRejects(t *testing.T) {
	tests := []struct{ name, code, medName, class, field string }{
		{"a_missing_code", "", "Aspirin", "antiplatelet", "code"},
		{"a_code_longer_than_64", strings.Repeat("A", 65), "Aspirin", "antiplatelet", "code"},
		{"a_missing_name", "ASA100", "", "antiplatelet", "name"},
		{"a_missing_class", "ASA100", "Aspirin", " ", "class"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := prescription.NewMedication(tt.code, tt.medName, tt.class)
			wantFieldError(t, err, tt.field, nil)
		})
	}
}

func TestNewAuthorizationRejects(t *testing.T) {
	tests := []struct{ name, specialty, class, field string }{
		{"a_missing_specialty", "", "antiplatelet", "specialty"},
		{"a_missing_class", "Cardiology", "", "medicationClass"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := prescription.NewAuthorization(tt.specialty, tt.class)
			wantFieldError(t, err, tt.field, nil)
		})
	}
}

func TestAuthorizationKeyIgnoresCaseAndSurroundingSpace(t *testing.T) {
	a, err := prescription.NewAuthorization("Emergency Medicine", "opioid analgesic")
	if err != nil {
		t.Fatal(err)
	}
	b, err := prescription.NewAuthorization(" emergency medicine", "Opioid Analgesic ")
	if err != nil {
		t.Fatal(err)
	}
	c, err := prescription.NewAuthorization("Emergency Medicine", "antipsychotic")
	if err != nil {
		t.Fatal(err)
	}
	if a.Key() != b.Key() {
		t.Errorf("keys %q and %q differ", a.Key(), b.Key())
	}
	if a.Key() == c.Key() {
		t.Errorf("different classes share the key %q", a.Key())
	}
}
