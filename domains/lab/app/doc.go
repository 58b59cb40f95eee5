// Package app holds the lab service's use cases, one file each: place a lab
// order, record a result, correct a result, and the queries. A command
// validates through the domain, builds the event that carries the order's
// full state, and hands both to a store that writes them in one
// transaction. The stores are interfaces declared here, by their consumer;
// adapters implement them.
//
// Handlers are safe for concurrent use when their stores are.
package app
