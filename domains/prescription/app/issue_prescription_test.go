package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func TestIssueStoresThePrescriptionWithItsEvent(t *testing.T) {
	a, s := seeded(t)
	r := issue(t, a, "PR-1", "ASA100", "PCM500")
	if !strings.HasPrefix(r.ID, "RX-") || r.Version != 1 || r.EventID == "" {
		t.Fatalf("receipt %+v", r)
	}
	e := s.lastEvent()
	if e.ID != r.EventID || e.Type != contracts.TypePrescriptionIssued || e.AggregateID != r.ID || e.AggregateVersion != 1 {
		t.Errorf("event %s %s %s v%d, want PrescriptionIssued of %s v1", e.ID, e.Type, e.AggregateID, e.AggregateVersion, r.ID)
	}
	if e.Actor != (contracts.Actor{ID: "PR-1", Role: "physician"}) || !e.OccurredAt.Equal(issuedAt) || !e.RecordedAt.Equal(now) {
		t.Errorf("actor %v occurred %v recorded %v", e.Actor, e.OccurredAt, e.RecordedAt)
	}
	if e.PatientID != "P-1001" || e.EncounterID != "E-2001" {
		t.Errorf("keys not carried: %+v", e)
	}
	body := e.Payload.(contracts.PrescriptionIssued).PrescriptionState
	if body.Prescriber != (contracts.Prescriber{ID: "PR-1", Name: "Dr. João Silva", Specialty: "Cardiology", License: "CRM12345"}) {
		t.Errorf("prescriber snapshot %+v", body.Prescriber)
	}
	if it := body.Items[0]; it.MedicationName != "Aspirin 100 mg tablet" || it.MedicationClass != "antiplatelet" {
		t.Errorf("item without the medication's name and class: %+v", it)
	}
	got, err := a.Prescription.Handle(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version() != 1 || got.State().Items[1].MedicationCode != "PCM500" {
		t.Errorf("stored %+v v%d", got.State(), got.Version())
	}
}

func TestIssueRejectsWhatTheCatalogForbids(t *testing.T) {
	tests := []struct {
		name       string
		prescriber string
		codes      []string
		cause      error
	}{
		{"an_unknown_prescriber", "PR-404", []string{"ASA100"}, prescription.ErrUnknownPrescriber},
		{"the_inactive_surgeon", "PR-8", []string{"PCM500"}, prescription.ErrInactivePrescriber},
		{"a_medication_not_in_the_formulary", "PR-1", []string{"ASA100", "THALIDOMIDE"}, prescription.ErrNotInFormulary},
		{"chemotherapy_by_a_cardiologist", "PR-1", []string{"CIS50"}, prescription.ErrNotAuthorized},
		{"an_antipsychotic_by_a_pediatrician", "PR-4", []string{"HAL5"}, prescription.ErrNotAuthorized},
		{"an_opioid_by_a_psychiatrist", "PR-5", []string{"MOR10"}, prescription.ErrNotAuthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, s := seeded(t)
			_, err := a.IssuePrescription.Handle(context.Background(), issueCmd(tt.prescriber, tt.codes...))
			var v *prescription.ValidationError
			if !errors.As(err, &v) || !errors.Is(err, tt.cause) {
				t.Fatalf("got %v, want a validation error for %v", err, tt.cause)
			}
			if n := s.eventCount(); n != 0 {
				t.Errorf("a rejected prescription wrote %d events", n)
			}
		})
	}
}

func TestTheDemoCatalogAuthorizesTheUsualPrescriptions(t *testing.T) {
	a, _ := seeded(t)
	for prescriber, codes := range map[string][]string{
		"PR-1": {"ASA100", "CLO75", "ENX40", "ATO40"}, // cardiology
		"PR-2": {"MOR10", "CRO1G", "DIP1G"},           // emergency medicine prescribes opioids
		"PR-5": {"HAL5", "SER50"},                     // psychiatry prescribes antipsychotics
		"PR-6": {"CIS50", "OND8", "FEN50"},            // only oncology prescribes chemotherapy
	} {
		issue(t, a, prescriber, codes...)
	}
}

func TestIssueReportsAStoreFailure(t *testing.T) {
	a, s := seeded(t)
	s.failWrites = errors.New("disk full")
	_, err := a.IssuePrescription.Handle(context.Background(), issueCmd("PR-1", "ASA100"))
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v, want the store's error", err)
	}
	var v *prescription.ValidationError
	if errors.As(err, &v) {
		t.Errorf("a store failure reads as bad input: %v", err)
	}
}

func TestPatientPrescriptionsListsOnlyThePatientsOldestFirst(t *testing.T) {
	a, _ := seeded(t)
	later := issueCmd("PR-1", "ASA100")
	later.IssuedAt = issuedAt.AddDate(0, 0, 1)
	second, err := a.IssuePrescription.Handle(context.Background(), later)
	if err != nil {
		t.Fatal(err)
	}
	first := issue(t, a, "PR-1", "PCM500")
	other := issueCmd("PR-1", "ASA100")
	other.PatientID = "P-2002"
	if _, err := a.IssuePrescription.Handle(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	ps, err := a.PatientPrescriptions.Handle(context.Background(), "P-1001")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].ID() != first.ID || ps[1].ID() != second.ID {
		t.Errorf("got %d prescriptions, want %s then %s", len(ps), first.ID, second.ID)
	}
	none, err := a.PatientPrescriptions.Handle(context.Background(), "P-404")
	if err != nil || len(none) != 0 {
		t.Errorf("unknown patient: %v, %d prescriptions", err, len(none))
	}
}
