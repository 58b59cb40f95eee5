// Package service is the imaging service's composition root: its
// configuration ([Config], read from the environment by [ConfigFromEnv])
// and [Run], which opens and migrates the database, serves the HTTP API and
// runs the outbox relay until its context is done. [NewHandler] wires the
// API over a database; tests use it with their own database.
package service
