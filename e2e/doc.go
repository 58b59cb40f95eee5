// Package e2e holds the black-box scenarios: they start the real processes
// (broker, PostgreSQL-backed domain services, aggregator, GraphQL API; the
// read store on SQLite and, in a second configuration, on the MongoDB adapter
// against FerretDB), talk to them only over HTTP, GraphQL and the Kafka
// protocol, and kill and restart them with signals. Each scenario ends with
// an invariant check: every command that got a 2xx is in the read model
// exactly once, and nothing else is.
//
// `make test` runs a short version of every scenario; `make e2e-long`
// (build tag long) runs the long fault runs.
package e2e
