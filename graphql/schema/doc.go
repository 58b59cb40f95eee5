// Package schema is the GraphQL schema of Prontuario's read API: its types,
// and resolvers that read the consolidated history through the small Reader
// and AccessLog interfaces this package declares (implemented by the
// aggregator's stores).
//
// Resolvers never expose internal detail: they return *gqlerr.Error values
// whose code graphql-go copies into extensions.code. Authorization is by
// the principal the HTTP handler put in the context (package auth):
//
//   - billing gets null, with a FORBIDDEN error at the field's path, for
//     clinical values (reason for visit, chief complaint, vital signs, lab
//     values, reference ranges and interpretations, imaging findings and
//     impressions); the rest of the answer is intact;
//   - auditTrail and accessLog are for auditors only.
//
// Every root field that reads patient data appends to the access log, and
// waits for the append to succeed, before it returns anything: when the
// append fails the field fails with INTERNAL.
//
// The printed SDL lives in graphql/schema.graphql; regenerate it with
// go generate after changing the schema (a test fails when it drifts).
package schema

//go:generate sh -c "go run ../cmd/printschema > ../schema.graphql"
