// Package app holds the triage service's use cases: one command handler
// per file (open_encounter.go, record_triage.go, close_encounter.go) and the
// queries the HTTP API serves. A command validates its input through the
// domain, changes the encounter, builds the event carrying the
// encounter's full state, and hands both to the store, which writes them
// in one transaction.
//
// Handlers are safe for concurrent use; they depend only on the small
// interfaces of stores.go, implemented by the adapters package.
package app
