// Package history is the read model of Prontuario: each patient's consolidated
// history, built incrementally from the domain services' events, and the pure
// projection Apply that builds it.
//
// # Document layout
//
// A patient's history grows for decades (10,000 records for one patient must
// work) and MongoDB caps a document at 16 MB, so the history is not one
// document. It is:
//
//   - one Patient document per patient: demographics and summary counters, small
//     and bounded;
//   - one Encounter document per encounter ("atendimento"), holding every record
//     of that visit: the encounter record from triage, prescriptions, lab orders
//     with their results, imaging studies with their reports;
//   - one AuditEntry per applied event (append-only, keyed by event id).
//
// Reading one encounter loads one document; reading a patient's history pages
// over its encounters by (patient id, sort time), newest first, through an
// index, never loading the whole history.
//
// # Merging
//
// Every event carries the full state of its source record and a version that
// grows by one per change of that record (contracts). Each record in a document
// is therefore a last-version-wins register: an event with a higher version
// becomes the current one; a lower version is kept (for audit) among the
// superseded ones, a list sorted by version; should two different events claim
// the same version, the smaller event id is kept. Everything else in a
// document is a maximum (update times, the newest demographics), a set union
// (a patient's encounters) or recomputed from the records (status, missing
// parts, sort time). Merging is therefore commutative, associative and
// idempotent: any arrival order of the events, with any duplicates, yields the
// same documents. Only when an event was first received (IngestedAt)
// depends on the run, and a redelivery never changes even that; an event
// published twice keeps the coordinates (topic, partition, offset) of its
// earliest copy, whichever copy arrived first.
//
// Apply is that merge for one event, pure; Delivery, Slice, AuditEntryFor,
// BillableItems and ProvenanceOf go with it.
package history
