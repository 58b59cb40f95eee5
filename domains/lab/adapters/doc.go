// Package adapters stores the lab service's orders in its SQL database:
// PostgreSQL in production, SQLite as the embedded default, with the same
// code and the same embedded migrations. Every write of an order appends
// its event to the transactional outbox (internal/outbox) in the same
// transaction.
package adapters
