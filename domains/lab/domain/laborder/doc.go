// Package laborder holds the lab service's business rules: a lab order
// (FHIR ServiceRequest) lists LOINC-coded tests; each ordered test gets at
// most one current result (FHIR Observation), preliminary until final, and
// a final result changes only through a correction that keeps the previous
// value.
//
// Every constructor and command validates its whole input and reports every
// invalid field at once in a *ValidationError. Types have unexported fields;
// the record's full state is read with State, the shape the service
// publishes in its events (contracts.LabOrderState): with event-carried
// state transfer the published payload is, by design, the record, so the
// domain does not keep a second copy of that shape. Nothing here does I/O or
// reads the clock.
package laborder
