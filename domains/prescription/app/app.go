package app

import "time"

// Store is everything the application needs from storage; the SQL adapter
// implements it.
type Store interface {
	Prescriptions
	FormularyLoader
	CatalogWriter
	PrescriptionReader
}

// Application is the prescription service's use cases, wired to one store.
type Application struct {
	IssuePrescription    IssuePrescriptionHandler
	CancelPrescription   CancelPrescriptionHandler
	RegisterPrescriber   RegisterPrescriberHandler
	AddMedication        AddMedicationHandler
	AuthorizeSpecialty   AuthorizeSpecialtyHandler
	Prescription         GetPrescriptionHandler
	PatientPrescriptions PatientPrescriptionsHandler
}

// New wires every use case to store; now defaults to time.Now.
func New(store Store, now Clock) Application {
	if now == nil {
		now = time.Now
	}
	return Application{
		IssuePrescription:    NewIssuePrescriptionHandler(store, store, now),
		CancelPrescription:   NewCancelPrescriptionHandler(store, now),
		RegisterPrescriber:   NewRegisterPrescriberHandler(store),
		AddMedication:        NewAddMedicationHandler(store),
		AuthorizeSpecialty:   NewAuthorizeSpecialtyHandler(store),
		Prescription:         NewGetPrescriptionHandler(store),
		PatientPrescriptions: NewPatientPrescriptionsHandler(store),
	}
}
