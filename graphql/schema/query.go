package schema

import "github.com/graphql-go/graphql"

// AwaitHeader is the HTTP header that asks for read-your-writes; see the
// Query type's description.
const AwaitHeader = "X-Prontuario-Await-Event"

const queryDescription = `Prontuario's consolidated, read-only view of patients' histories.

Every request needs "Authorization: Bearer <token>"; the token's role (auditor, billing, clinician)
decides what it may read. Reads of patient data are written to the access log before the answer.

Read-your-writes: send the header "` + AwaitHeader + `: <eventId>[,<eventId>...]" with the ids of
events your commands produced. The server waits (up to 5 s by default) until the read model has applied
them, then answers; the response's extensions.consistency says {awaited, applied, pending, waitedMs}.
When the bound expires it answers with what it has, with applied: false. A header, not an argument,
because it applies to the whole request, before any field is resolved.

Errors carry extensions.code: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, QUERY_TOO_COMPLEX
or INTERNAL.`

func (b *builder) query() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Query",
		Description: queryDescription,
		Fields: graphql.Fields{
			"patient":        b.patientField(),
			"encounter":      b.encounterField(),
			"patients":       b.patientsField(),
			"billableItems":  b.billableItemsField(),
			"auditTrail":     b.auditTrailField(),
			"accessLog":      b.accessLogField(),
			"pipelineStatus": b.pipelineStatusField(),
		},
	})
}
