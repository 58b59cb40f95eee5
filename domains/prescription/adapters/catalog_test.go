package adapters_test

import (
	"context"
	"errors"
	"testing"

	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func TestTheSeededCatalogDecidesWhoPrescribesWhat(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		for _, tt := range []struct {
			prescriber, code string
			want             error
		}{
			{"PR-6", "CIS50", nil},
			{"PR-1", "CIS50", prescription.ErrNotAuthorized},
			{"PR-5", "HAL5", nil},
			{"PR-2", "MOR10", nil},
			{"PR-8", "PCM500", prescription.ErrInactivePrescriber},
			{"PR-404", "PCM500", prescription.ErrUnknownPrescriber},
			{"PR-1", "NOPE", prescription.ErrNotInFormulary},
		} {
			cmd := issueCmd("P-1001", tt.code)
			cmd.PrescriberID = tt.prescriber
			_, err := f.app.IssuePrescription.Handle(ctx, cmd)
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("%s prescribing %s: %v, want %v", tt.prescriber, tt.code, err, tt.want)
			}
		}
	})
}

func TestCatalogSavesAreUpsertsAndSeedingKeepsThem(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		steps := []struct {
			name        string
			run         func() (bool, error)
			wantCreated bool
		}{
			{"new_prescriber", func() (bool, error) {
				_, c, err := f.app.RegisterPrescriber.Handle(ctx, app.RegisterPrescriber{ID: "PR-9", Name: "Dra. Lia", Specialty: "Nephrology", License: "CRM9", Active: ptrTo(true)})
				return c, err
			}, true},
			{"same_prescriber", func() (bool, error) {
				_, c, err := f.app.RegisterPrescriber.Handle(ctx, app.RegisterPrescriber{ID: "PR-9", Name: "Dra. Lia", Specialty: "Nephrology", License: "CRM9", Active: ptrTo(true)})
				return c, err
			}, false},
			{"new_medication", func() (bool, error) {
				_, c, err := f.app.AddMedication.Handle(ctx, app.AddMedication{Code: "FUR40", Name: "Furosemide 40 mg", Class: "diuretic"})
				return c, err
			}, true},
			{"new_authorization", func() (bool, error) {
				_, c, err := f.app.AuthorizeSpecialty.Handle(ctx, app.AuthorizeSpecialty{Specialty: " NEPHROLOGY", MedicationClass: "Diuretic"})
				return c, err
			}, true},
			{"same_authorization_other_case", func() (bool, error) {
				_, c, err := f.app.AuthorizeSpecialty.Handle(ctx, app.AuthorizeSpecialty{Specialty: "nephrology", MedicationClass: "diuretic"})
				return c, err
			}, false},
			{"deactivate_a_demo_prescriber", func() (bool, error) {
				_, c, err := f.app.RegisterPrescriber.Handle(ctx, app.RegisterPrescriber{ID: "PR-2", Name: "Dra. Ana Souza", Specialty: "Emergency Medicine", License: "CRM23456", Active: ptrTo(false)})
				return c, err
			}, false},
		}
		for _, s := range steps {
			created, err := s.run()
			if err != nil || created != s.wantCreated {
				t.Fatalf("%s: created %v, %v; want created %v", s.name, created, err, s.wantCreated)
			}
		}
		if err := app.SeedDemoCatalog(ctx, f.store); err != nil {
			t.Fatal(err)
		}
		cmd := issueCmd("P-1001", "FUR40")
		cmd.PrescriberID = "PR-9"
		if _, err := f.app.IssuePrescription.Handle(ctx, cmd); err != nil {
			t.Errorf("the new nephrologist cannot prescribe the new diuretic: %v", err)
		}
		cmd = issueCmd("P-1001", "MOR10")
		cmd.PrescriberID = "PR-2"
		if _, err := f.app.IssuePrescription.Handle(ctx, cmd); !errors.Is(err, prescription.ErrInactivePrescriber) {
			t.Errorf("re-seeding re-activated PR-2: %v", err)
		}
		if n := count(t, f.db, "medications"); n != 29 {
			t.Errorf("%d medications, want the 28 seeded and one added", n)
		}
	})
}
