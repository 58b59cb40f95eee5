package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// AddMedication adds a medication to the formulary or replaces the one with
// the same code.
type AddMedication struct {
	Code, Name, Class string
}

// AddMedicationHandler manages the formulary.
type AddMedicationHandler struct{ catalog CatalogWriter }

// NewAddMedicationHandler returns a handler saving to catalog.
func NewAddMedicationHandler(catalog CatalogWriter) AddMedicationHandler {
	return AddMedicationHandler{catalog: catalog}
}

// Handle validates and saves the medication; created reports whether the
// code was new. It is idempotent. Bad input is a *prescription.ValidationError.
func (h AddMedicationHandler) Handle(ctx context.Context, cmd AddMedication) (m prescription.Medication, created bool, err error) {
	m, err = prescription.NewMedication(cmd.Code, cmd.Name, cmd.Class)
	if err != nil {
		return prescription.Medication{}, false, err
	}
	if created, err = h.catalog.SaveMedication(ctx, m); err != nil {
		return prescription.Medication{}, false, fmt.Errorf("add medication %s: %w", m.Code(), err)
	}
	return m, created, nil
}
