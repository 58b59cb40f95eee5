// Package app holds the prescription service's use cases, one file each:
// the commands (issue and cancel a prescription, and the admin commands
// that manage the catalog), the queries, and the demo catalog seeded on
// first start. A command validates through the domain, builds the event
// that carries the record's full state, and hands both to a store that
// writes them in one transaction. The stores are interfaces declared here,
// by their consumer; adapters implement them.
//
// Handlers are safe for concurrent use when their stores are.
package app
