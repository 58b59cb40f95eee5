package ports

import (
	"context"
	"net/http"

	"github.com/prontuario/prontuario/internal/httpx"
)

// catalogCommand serves an admin endpoint: it decodes the body into B,
// converts it to the command C, runs it, and answers the saved entry with
// 201 when it was new and 200 when it existed (replaced or unchanged).
// These endpoints are idempotent on the entry's key, so they need no
// Idempotency-Key (one is accepted and ignored).
func catalogCommand[B, C, E, V any](h handlers, convert func(B) C, run func(context.Context, C) (E, bool, error), view func(E) V) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := httpx.ReadBody(w, r)
		if err != nil {
			httpx.WriteError(w, r, err, nil, h.logger)
			return
		}
		cmd, err := decodeCatalog(body, convert)
		if err != nil {
			httpx.WriteError(w, r, err, classify, h.logger)
			return
		}
		entry, created, err := run(r.Context(), cmd)
		if err != nil {
			httpx.WriteError(w, r, err, classify, h.logger)
			return
		}
		status := http.StatusOK
		if created {
			status = http.StatusCreated
		}
		httpx.WriteJSON(w, status, view(entry))
	}
}
