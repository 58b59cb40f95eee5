// Package adapters stores the imaging service's studies in its SQL
// database (PostgreSQL or SQLite, through internal/sqldb), together with
// their events (internal/outbox) and idempotency answers
// (internal/idempotency), each change in one transaction.
//
// A study is one row: its id, patient, encounter, order time, version and
// full state as JSON (the contracts.ImagingStudyState its events carry).
package adapters
