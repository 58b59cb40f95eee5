// Package ports is the lab service's HTTP JSON API. Commands answer 201
// with {"id", "eventId", "version"} and honour an Idempotency-Key header.
// Errors are RFC 9457 application/problem+json: 422 with one entry per
// invalid field (including a result for a test that was not ordered), 404
// for an unknown order or a correction of a result never recorded, 409 when
// a final result would be overwritten or a preliminary one corrected.
//
//	POST /v1/lab-orders                              {patientId, encounterId, tests: [{code, name}], orderedBy, orderedAt}
//	POST /v1/lab-orders/{id}/results                 {code, value, unit, referenceRange: {low, high}, interpretation?, status, performer, resultedAt}
//	POST /v1/lab-orders/{id}/results/{code}/correct  {value, unit, reason, correctedBy, correctedAt}
//	GET  /v1/lab-orders/{id}
//	GET  /v1/patients/{patientId}/lab-orders
//	GET  /healthz, /readyz
//
// Codes are LOINC (e.g. 718-7); times are RFC 3339, stored and published in
// UTC.
package ports
