// Package sqlitestore is the embedded read store of the aggregator, the
// default: one SQLite file (modernc.org/sqlite, pure Go), WAL mode, every
// Commit in one transaction.
//
// Each generation has its own tables, named "g_<generation>_<table>"; the
// tables meta (the active generation), generations and access_log are shared.
// Documents are stored as BSON (package internal/codec), so they come back
// exactly as written, times in UTC to the nanosecond, just as from
// mongostore; the columns beside them (sort times, ids, revisions) carry what
// queries filter and sort on, with an index for every query.
//
// Readers resolve the active generation inside each read transaction, so a
// switch by any process is seen by the next query. Writes go through one
// connection (SQLite has one writer at a time); reads use a pool and do not
// wait for writes.
package sqlitestore
