// Package simulate drives realistic hospital traffic through the four domain
// services' HTTP APIs, as the hospital's own systems would: patients arrive,
// are triaged, get prescriptions, lab orders with results (some corrected),
// imaging studies with reports (some amended), and leave. It is Prontuario's
// load generator and the demo data source of `make run`.
//
// It talks HTTP only and imports no domain: it sees the services as a client does.
package simulate
