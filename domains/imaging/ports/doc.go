// Package ports is the imaging service's HTTP JSON API:
//
//	POST /v1/imaging-studies                     order a study (201 {id, eventId, version})
//	POST /v1/imaging-studies/{id}/performed      record the acquisition
//	POST /v1/imaging-studies/{id}/report         finalize the report (before acquisition: 409)
//	POST /v1/imaging-studies/{id}/report/amend   amend the report
//	GET  /v1/imaging-studies/{id}                one study, full state and version
//	GET  /v1/patients/{patientId}/imaging-studies  the patient's studies, by order time
//	GET  /healthz, /readyz
//
// Commands honour Idempotency-Key; errors are RFC 9457 problem+json with
// one entry per invalid field (internal/httpx). This package only decodes
// requests, calls the app and maps its errors ([problemFor]).
package ports
