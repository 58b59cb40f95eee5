// Package mongotest gives tests a MongoDB wire-protocol server and a
// database of their own on it.
//
// If PRONTUARIO_TEST_MONGODB_URI is set, that real MongoDB is used.
// Otherwise FerretDB 1.24 (SQLite handler) runs in-process on a free
// loopback port. FerretDB checks that driver calls are well-formed but is not
// MongoDB: lookups are table scans, concurrent updates of one document lose
// writes, large bulk writes deadlock, and many operators are missing or
// silently ignored (see /work/shared/NOTES.md). Keep FerretDB tests to small
// data and a simple subset, use [Server.IsFerretDB] to skip what it cannot
// do, and run the suite against a real MongoDB too.
//
// Start one server per test binary in TestMain; [Server.NewDatabaseName] is
// safe for concurrent use, so tests can run in parallel.
package mongotest
