// Package adapters stores the triage service's encounters in its SQL
// database (PostgreSQL or SQLite, through internal/sqldb), together with
// their events (internal/outbox) and idempotency answers
// (internal/idempotency), each change in one transaction.
//
// An encounter is one row: its id, patient, arrival, version and full state
// as JSON (the contracts.EncounterState its events carry).
package adapters
