// Package httpx is the HTTP edge shared by Prontuario's services: RFC 9457
// problem details ([Problem], with one entry per invalid field), strict JSON
// decoding into typed problems ([Decode]), the mapping of errors to problems
// ([WriteError] and a service's own [Classifier]), command endpoints with
// Idempotency-Key support ([Commands]), trace propagation into the outbox
// ([Trace]), health endpoints, metrics and tracing of every request
// ([Instrument], [Observe]) and a server that shuts down gracefully ([Serve]).
//
// A service's ports package declares its routes on an [http.ServeMux],
// wraps it with [Routes] (unmatched routes answer problem+json too), and
// serves command routes through [Commands.Handle]:
//
//	cmds := &httpx.Commands{Replays: idempotency.NewStore(db), Classify: problemFor, Logger: logger}
//	mux.Handle("POST /v1/encounters", cmds.Handle(http.StatusCreated, h.openEncounter))
//
// where problemFor maps the service's domain errors (errors.Is/As) to
// problems: validation errors to [Invalid] (422), unknown records to
// [NotFound] (404), state conflicts to [Conflict] (409). Errors it does not
// know become a 500 whose details are logged, never sent.
//
// A service serves the API through [Observe], which adds GET /metrics and
// measures every request (prontuario_http_requests_total and
// prontuario_http_request_duration_seconds by route pattern, method and
// code) in a server span continuing the caller's traceparent:
//
//	handler := httpx.Observe(ports.NewHandler(...), reg, nil)
package httpx
