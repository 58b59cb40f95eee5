package app

import (
	"context"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// Prescriptions stores prescriptions together with their events: every
// method that writes stores the record and its event in one transaction,
// both or neither.
type Prescriptions interface {
	// Add stores a new prescription and its first event.
	Add(ctx context.Context, p *prescription.Prescription, e contracts.Event) error
	// Update loads the prescription, calls change on it, and stores the
	// changed prescription and the event change returns. An error from
	// change is returned as is and nothing is written; an unknown id is an
	// error wrapping prescription.ErrNotFound.
	Update(ctx context.Context, id string, change func(*prescription.Prescription) (contracts.Event, error)) error
}

// FormularyLoader loads the slice of the catalog a prescription is checked
// against: the prescriber (nil Prescriber in the formulary when unknown),
// those of the medication codes that exist, and the authorizations of the
// prescriber's specialty.
type FormularyLoader interface {
	Formulary(ctx context.Context, prescriberID string, medicationCodes []string) (prescription.Formulary, error)
}

// CatalogWriter stores catalog entries. Each Save replaces the entry with
// the same key (prescriber id, medication code, specialty and class) and
// reports whether it was new.
type CatalogWriter interface {
	SavePrescriber(ctx context.Context, p prescription.Prescriber) (created bool, err error)
	SaveMedication(ctx context.Context, m prescription.Medication) (created bool, err error)
	SaveAuthorization(ctx context.Context, a prescription.Authorization) (created bool, err error)
}

// CatalogSeeder adds catalog entries whose key is absent, in one
// transaction, leaving existing entries (maybe edited by an admin) alone.
type CatalogSeeder interface {
	SeedCatalog(ctx context.Context, c Catalog) error
}

// PrescriptionReader reads prescriptions as stored.
type PrescriptionReader interface {
	// Prescription returns one prescription, or an error wrapping
	// prescription.ErrNotFound.
	Prescription(ctx context.Context, id string) (*prescription.Prescription, error)
	// PatientPrescriptions returns the patient's prescriptions, oldest
	// issue first; none is not an error.
	PatientPrescriptions(ctx context.Context, patientID string) ([]*prescription.Prescription, error)
}
