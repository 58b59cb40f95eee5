// Package prescription holds the prescription service's business rules: the
// catalog a prescription is checked against (prescribers, the formulary of
// medications and which specialty may prescribe which medication class) and
// the prescription record itself, issued once and cancelled at most once.
//
// Every constructor validates its whole input and reports every invalid field
// at once in a *ValidationError. Types have unexported fields; the record's
// full state is read with State, the shape the service publishes in its
// events (contracts.PrescriptionState): with event-carried state transfer the
// published payload is, by design, the record, so the domain does not keep a
// second copy of that shape. Nothing here does I/O or reads the clock.
package prescription
