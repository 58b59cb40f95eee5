// Package contracts is the single source of truth for every event that crosses
// a service boundary in Prontuario: topic names, the CloudEvents envelope and
// its Kafka headers, the Go types of every event payload, their JSON Schemas
// (one file per event type and version, embedded) and Encode/Decode, which
// validate against those schemas and report typed errors.
//
// Events use event-carried state transfer: every event carries the full state
// of its source record (an encounter, a prescription, a lab order, an imaging
// study) after the change, plus a version that grows by one with every change
// of that record. A consumer therefore never needs a lookup or a join, and can
// keep each record as a last-version-wins register: whatever order the events
// arrive in, the one with the highest version is the current state.
//
// The package imports nothing of ours and may be imported by anyone.
package contracts
