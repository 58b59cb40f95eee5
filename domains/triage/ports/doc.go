// Package ports is the triage service's HTTP JSON API:
//
//	POST /v1/encounters                    open an encounter (201 {id, eventId, version})
//	POST /v1/encounters/{id}/triage        record a (re-)triage
//	POST /v1/encounters/{id}/close         close with a disposition (closing twice: 409)
//	GET  /v1/encounters/{id}               one encounter, full state and version
//	GET  /v1/patients/{patientId}/encounters  the patient's encounters, by arrival
//	GET  /healthz, /readyz
//
// Commands honour Idempotency-Key; errors are RFC 9457 problem+json with
// one entry per invalid field (internal/httpx). This package only decodes
// requests, calls the app and maps its errors ([problemFor]).
//
// Beyond the documented bodies, POST /v1/encounters accepts an optional
// "registeredBy" (clerk id) and POST .../close an optional "closedBy"
// (physician id); they become the events' actor.
package ports
