package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func TestDemoCatalogIsValidAndRealistic(t *testing.T) {
	c, err := app.DemoCatalog()
	if err != nil {
		t.Fatal(err)
	}
	specialties, inactive := map[string]bool{}, 0
	for _, p := range c.Prescribers {
		specialties[p.Specialty()] = true
		if !p.Active() {
			inactive++
		}
	}
	classes := map[string]bool{}
	for _, m := range c.Medications {
		classes[m.Class()] = true
	}
	if len(c.Prescribers) < 8 || len(specialties) < 6 || inactive != 1 {
		t.Errorf("%d prescribers in %d specialties, %d inactive", len(c.Prescribers), len(specialties), inactive)
	}
	if len(c.Medications) < 25 || len(classes) < 8 {
		t.Errorf("%d medications in %d classes", len(c.Medications), len(classes))
	}
	for _, a := range c.Authorizations {
		if a.MedicationClass() == "chemotherapy" && a.Specialty() != "Oncology" {
			t.Errorf("%s may prescribe chemotherapy", a.Specialty())
		}
		if !classes[a.MedicationClass()] {
			t.Errorf("authorization for %q, a class with no medication", a.MedicationClass())
		}
	}
}

func TestSeedingTwiceKeepsAdminChanges(t *testing.T) {
	a, s := seeded(t)
	ctx := context.Background()
	if _, created, err := a.RegisterPrescriber.Handle(ctx, app.RegisterPrescriber{ID: "PR-1", Name: "Dr. João Silva", Specialty: "Cardiology", License: "CRM12345", Active: ptrTo(false)}); err != nil || created {
		t.Fatalf("deactivate PR-1: created %v, %v", created, err)
	}
	if err := app.SeedDemoCatalog(ctx, s); err != nil {
		t.Fatal(err)
	}
	_, err := a.IssuePrescription.Handle(ctx, issueCmd("PR-1", "ASA100"))
	if !errors.Is(err, prescription.ErrInactivePrescriber) {
		t.Errorf("after re-seeding, PR-1 prescribes: %v", err)
	}
}

func TestCatalogCommandsAreIdempotentAndEnableAPrescription(t *testing.T) {
	a := app.New(newFakeStore(), clock)
	ctx := context.Background()
	for i, wantCreated := range []bool{true, false} {
		_, c1, err1 := a.RegisterPrescriber.Handle(ctx, app.RegisterPrescriber{ID: "PR-9", Name: "Dra. Lia", Specialty: "Nephrology", License: "CRM9", Active: ptrTo(true)})
		_, c2, err2 := a.AddMedication.Handle(ctx, app.AddMedication{Code: "FUR40", Name: "Furosemide 40 mg", Class: "diuretic"})
		_, c3, err3 := a.AuthorizeSpecialty.Handle(ctx, app.AuthorizeSpecialty{Specialty: "nephrology", MedicationClass: "Diuretic"})
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		if c1 != wantCreated || c2 != wantCreated || c3 != wantCreated {
			t.Errorf("round %d: created %v %v %v, want %v", i, c1, c2, c3, wantCreated)
		}
	}
	issue(t, a, "PR-9", "FUR40")
}

func TestCatalogCommandsRejectBadInput(t *testing.T) {
	s := newFakeStore()
	a := app.New(s, clock)
	ctx := context.Background()
	_, _, err1 := a.RegisterPrescriber.Handle(ctx, app.RegisterPrescriber{ID: "PR-9"})
	for _, field := range []string{"name", "specialty", "license", "active"} {
		var v *prescription.ValidationError
		if !errors.As(err1, &v) || !slices.ContainsFunc(v.Fields, func(f prescription.FieldError) bool { return f.Field == field }) {
			t.Errorf("register without %s: %v", field, err1)
		}
	}
	_, _, errActive := a.RegisterPrescriber.Handle(ctx, app.RegisterPrescriber{ID: "PR-9", Name: "Dra. Lia", Specialty: "Nephrology", License: "CRM9"})
	var v *prescription.ValidationError
	if !errors.As(errActive, &v) || len(v.Fields) != 1 || v.Fields[0].Field != "active" {
		t.Errorf("register without active: %v, want only /active", errActive)
	}
	_, _, err2 := a.AddMedication.Handle(ctx, app.AddMedication{Code: "X"})
	_, _, err3 := a.AuthorizeSpecialty.Handle(ctx, app.AuthorizeSpecialty{Specialty: "Nephrology"})
	for i, err := range []error{err1, err2, err3} {
		var v *prescription.ValidationError
		if !errors.As(err, &v) {
			t.Errorf("command %d: got %v, want a validation error", i, err)
		}
	}
	if len(s.prescribers)+len(s.medications)+len(s.authorizations) != 0 {
		t.Error("rejected catalog entries were saved")
	}
}
