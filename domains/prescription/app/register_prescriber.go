package app

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// RegisterPrescriber adds a prescriber to the catalog or replaces the one
// with the same id (for instance to deactivate them).
type RegisterPrescriber struct {
	ID, Name, Specialty, License string
	// Active is required, so that replacing a prescriber never reactivates
	// them by omission.
	Active *bool
}

// RegisterPrescriberHandler manages prescribers.
type RegisterPrescriberHandler struct{ catalog CatalogWriter }

// NewRegisterPrescriberHandler returns a handler saving to catalog.
func NewRegisterPrescriberHandler(catalog CatalogWriter) RegisterPrescriberHandler {
	return RegisterPrescriberHandler{catalog: catalog}
}

// Handle validates and saves the prescriber; created reports whether the
// id was new. It is idempotent: saving the same prescriber again changes
// nothing. Bad input is a *prescription.ValidationError.
func (h RegisterPrescriberHandler) Handle(ctx context.Context, cmd RegisterPrescriber) (p prescription.Prescriber, created bool, err error) {
	p, err = prescription.NewPrescriber(cmd.ID, cmd.Name, cmd.Specialty, cmd.License, cmd.Active != nil && *cmd.Active)
	if cmd.Active == nil {
		err = withMissing(err, "active")
	}
	if err != nil {
		return prescription.Prescriber{}, false, err
	}
	if created, err = h.catalog.SavePrescriber(ctx, p); err != nil {
		return prescription.Prescriber{}, false, fmt.Errorf("register prescriber %s: %w", p.ID(), err)
	}
	return p, created, nil
}

// withMissing adds "field is required" to err, a *prescription.ValidationError
// or nil.
func withMissing(err error, field string) error {
	missing := prescription.FieldError{Field: field, Reason: "is required"}
	var v *prescription.ValidationError
	if errors.As(err, &v) {
		return &prescription.ValidationError{Fields: append(slices.Clone(v.Fields), missing)}
	}
	return errors.Join(err, &prescription.ValidationError{Fields: []prescription.FieldError{missing}})
}
