// Package sqldb opens the SQL database a service owns and gives its
// repositories what they need to run the same SQL on PostgreSQL (pgx, in
// production) and on SQLite (modernc.org/sqlite, pure Go, the embedded
// default):
//
//   - [Open] takes a URL: "postgres://..." or "postgresql://..." selects
//     PostgreSQL; "sqlite:path/to/file.db" or a bare file path selects SQLite
//     (WAL, busy timeout, foreign keys, BEGIN IMMEDIATE, one writer at a time).
//   - Queries are written once with "?" placeholders; [DB] and [Tx] rebind
//     them to "$1, $2, ..." on PostgreSQL ([Dialect.Rebind]).
//   - [DB.InTx] runs a function in a transaction that commits when it returns
//     nil and rolls back otherwise; [Tx.AfterCommit] runs code only once the
//     commit succeeded.
//   - [Tx.Notify] and [DB.Listen] are a transactional wake-up signal: a
//     listener is woken only after the notifying transaction commits, in this
//     process and, on PostgreSQL, in every process (LISTEN/NOTIFY).
//   - [Migrate] applies a component's embedded schema migrations once, in
//     order, recording them in a schema_migrations table.
//   - [IsUniqueViolation] recognises a unique-constraint violation on both.
//
// Keep SQL to the subset both databases share: TEXT, INTEGER, BIGINT, times
// as BIGINT unix nanoseconds (or RFC 3339 TEXT), JSON as TEXT; where they
// differ (auto-increment keys), ship one migration file per dialect.
//
// A [DB] is safe for concurrent use; a [Tx] belongs to one goroutine.
package sqldb
