// Package adapters stores the prescription service's records in its SQL
// database: PostgreSQL in production, SQLite as the embedded default, with
// the same code and the same embedded migrations. Every write of a
// prescription appends its event to the transactional outbox
// (internal/outbox) in the same transaction.
package adapters
