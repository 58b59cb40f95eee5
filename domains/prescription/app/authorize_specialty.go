package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// AuthorizeSpecialty lets prescribers of a specialty prescribe a medication
// class.
type AuthorizeSpecialty struct {
	Specialty, MedicationClass string
}

// AuthorizeSpecialtyHandler manages authorizations.
type AuthorizeSpecialtyHandler struct{ catalog CatalogWriter }

// NewAuthorizeSpecialtyHandler returns a handler saving to catalog.
func NewAuthorizeSpecialtyHandler(catalog CatalogWriter) AuthorizeSpecialtyHandler {
	return AuthorizeSpecialtyHandler{catalog: catalog}
}

// Handle validates and saves the authorization; created reports whether it
// was new. It is idempotent. Bad input is a *prescription.ValidationError.
func (h AuthorizeSpecialtyHandler) Handle(ctx context.Context, cmd AuthorizeSpecialty) (a prescription.Authorization, created bool, err error) {
	a, err = prescription.NewAuthorization(cmd.Specialty, cmd.MedicationClass)
	if err != nil {
		return prescription.Authorization{}, false, err
	}
	if created, err = h.catalog.SaveAuthorization(ctx, a); err != nil {
		return prescription.Authorization{}, false, fmt.Errorf("authorize %s for %s: %w", a.Specialty(), a.MedicationClass(), err)
	}
	return a, created, nil
}
