// Package app holds the imaging service's use cases: one command handler
// per file (order_study.go, record_performed.go, finalize_report.go,
// amend_report.go) and the queries the HTTP API serves. A command
// validates its input through the domain, changes the study, builds the
// event carrying the study's full state, and hands both to the store,
// which writes them in one transaction.
//
// Handlers are safe for concurrent use; they depend only on the Store
// interface of store.go, implemented by the adapters package.
package app
