// Package server is the HTTP side of the GraphQL API: it authenticates the
// bearer token, parses and validates the request, rejects queries over the
// depth and size limits before anything runs, waits for awaited events
// (read-your-writes), executes, and writes the answer as application/json
// or application/graphql-response+json. GET /graphql from a browser gets
// an embedded query page instead.
//
// New is the composition root of the API: it builds the schema over a
// Reader and an AccessLog; cmd/graphql passes the real store, tests a fake.
//
// Status codes follow GraphQL over HTTP: 401 when the token is missing or
// unknown; 400, 405, 413 or 415 when the HTTP request itself is malformed;
// for a document that does not parse, validate or fit the limits, 400 with
// application/graphql-response+json and 200 with application/json; 200 once
// execution started, except 500 when execution produced no data because of
// an INTERNAL error. The Handler is safe for concurrent use.
package server
