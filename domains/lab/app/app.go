package app

import "time"

// Store is everything the application needs from storage; the SQL adapter
// implements it.
type Store interface {
	Orders
	OrderReader
}

// Application is the lab service's use cases, wired to one store.
type Application struct {
	PlaceLabOrder    PlaceLabOrderHandler
	RecordLabResult  RecordLabResultHandler
	CorrectLabResult CorrectLabResultHandler
	LabOrder         GetLabOrderHandler
	PatientLabOrders PatientLabOrdersHandler
}

// New wires every use case to store; now defaults to time.Now.
func New(store Store, now Clock) Application {
	if now == nil {
		now = time.Now
	}
	return Application{
		PlaceLabOrder:    NewPlaceLabOrderHandler(store, now),
		RecordLabResult:  NewRecordLabResultHandler(store, now),
		CorrectLabResult: NewCorrectLabResultHandler(store, now),
		LabOrder:         NewGetLabOrderHandler(store),
		PatientLabOrders: NewPatientLabOrdersHandler(store),
	}
}
