// Package ports is the prescription service's HTTP JSON API. Commands
// (issue, cancel) answer 201 with {"id", "eventId", "version"} and honour an
// Idempotency-Key header; the admin endpoints that manage the catalog
// (prescribers, medications, authorizations) are idempotent on their own
// keys and answer 201 when they create an entry, 200 when it existed.
// Errors are RFC 9457 application/problem+json: 422 with one entry per
// invalid field, 404 for an unknown record, 409 for a state conflict.
//
//	POST /v1/prescriptions                  {patientId, encounterId, prescriberId, items: [{medicationCode, dose, route, frequency, times?}], issuedAt}
//	POST /v1/prescriptions/{id}/cancel      {reason, cancelledBy, cancelledAt}
//	GET  /v1/prescriptions/{id}
//	GET  /v1/patients/{patientId}/prescriptions
//	POST /v1/prescribers                    {id, name, specialty, license, active}
//	POST /v1/medications                    {code, name, class}
//	POST /v1/authorizations                 {specialty, medicationClass}
//	GET  /healthz, /readyz
//
// Times are RFC 3339; they are stored and published in UTC.
package ports
