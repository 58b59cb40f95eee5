// Package codec encodes the read-model documents identically for every
// store adapter: as BSON whose times are fixed-width UTC strings with
// nanoseconds ("2026-03-02T12:10:00.000000000Z").
//
// BSON's own datetime keeps milliseconds only; a read store that truncated
// Provenance.IngestedAt or a clinical time would not give back the document
// it was given. Fixed-width UTC strings keep every nanosecond and still sort
// and compare in time order, so range filters and keyset pages work on them
// in MongoDB (and FerretDB) and in SQLite alike.
package codec
