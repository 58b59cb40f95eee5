// Package mongostore is the production read store of the aggregator, on
// MongoDB (go.mongodb.org/mongo-driver v1).
//
// Each generation has its own collections, named "g_<generation>_<name>";
// the collections meta (the active generation), generations and access_log
// are shared. Documents are the history types themselves (their bson tags),
// with a few store-level fields where queries need them (name prefixes,
// the audit entry's event id as _id, revisions); times are fixed-width UTC
// strings with nanoseconds (package internal/codec), which sort in time
// order.
//
// # What it uses of MongoDB
//
// Only what behaves the same on MongoDB and on FerretDB 1.24, which the
// tests run against when no MongoDB is given: inserts, finds by _id or
// simple filters with sort and limit, count, distinct, replaces with the
// revision in the filter, deletes by _id, createIndex. No transactions,
// update operators, positional paths, arrayFilters or aggregation stages.
// Bulk writes carry at most Config.BulkSize operations (FerretDB deadlocks
// on large ones).
//
// # Crash safety without transactions
//
// Commit writes in an order that keeps every partial state correct and
// repairable by re-applying the same events, which the consumer does since
// it acknowledges offsets only after Commit returns: encounters, then
// patients (so a patient never lists an encounter that is not stored), then
// billable items, then audit entries (EventApplied, read-your-writes, turns
// true only once the data it vouches for is visible), then dead letters, and
// freshness last. On a conflict Commit stops after the documents, before any
// marker.
//
// # Generations
//
// Readers cache the active generation for Config.ActiveRefresh (1 s by
// default): another process's ActivateGeneration is seen within that time.
// After activating a generation, wait at least that long before dropping the
// previous one.
package mongostore
