package httpx

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/prontuario/prontuario/internal/idempotency"
)

// HeaderIdempotencyKey is the request header that makes a command retryable.
const HeaderIdempotencyKey = "Idempotency-Key"

// HeaderReplayed is set to "true" on an answer replayed for an Idempotency-Key.
const HeaderReplayed = "Idempotent-Replayed"

// Replayer finds the saved answer of an idempotency key
// (*idempotency.Store): the answer, idempotency.ErrNotFound or
// idempotency.ErrKeyReused.
type Replayer interface {
	Lookup(ctx context.Context, k idempotency.Key) ([]byte, error)
}

var _ Replayer = (*idempotency.Store)(nil)

// CommandFunc runs a command from its request body and returns what to
// answer, which is encoded as JSON. It must save that same answer with
// idempotency.Record in the command's transaction (the key is in ctx).
type CommandFunc func(ctx context.Context, r *http.Request, body []byte) (any, error)

// Commands serves command endpoints. Its fields are read-only once serving.
type Commands struct {
	// Replays looks up saved answers; required.
	Replays Replayer
	// Classify maps the service's errors to problems.
	Classify Classifier
	// Logger receives unexpected errors; nil logs nothing.
	Logger *slog.Logger
}

// Handle returns a handler that reads the body, honours the
// Idempotency-Key header and runs cmd, answering with status and cmd's
// answer, or with a problem. With a key:
//   - a retry of a request that succeeded gets the saved answer (and
//     Idempotent-Replayed: true), and cmd does not run;
//   - the same key with another method, path or body gets a 422;
//   - when cmd fails, the key is looked up again: if an identical
//     request with the key succeeded meanwhile, its answer is replayed.
func (c *Commands) Handle(status int, cmd CommandFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := ReadBody(w, r)
		if err != nil {
			WriteError(w, r, err, nil, c.Logger)
			return
		}
		ctx := r.Context()
		key, hasKey := r.Header.Get(HeaderIdempotencyKey), r.Header[HeaderIdempotencyKey] != nil
		var k idempotency.Key
		if hasKey {
			if k, err = idempotency.NewKey(key, r.Method, r.URL.Path, body); err != nil {
				WriteProblem(w, r, BadRequest(HeaderIdempotencyKey+": "+err.Error()))
				return
			}
			if c.replay(w, r, k, status) {
				return
			}
			ctx = idempotency.WithKey(ctx, k)
		}
		answer, err := cmd(ctx, r, body)
		if err != nil {
			if hasKey && c.replay(w, r, k, status) {
				return
			}
			WriteError(w, r, err, c.Classify, c.Logger)
			return
		}
		WriteJSON(w, status, answer)
	})
}

// replay answers from the saved answer of k and reports whether it did
// (including answering a 422 for a reused key, or a 500).
func (c *Commands) replay(w http.ResponseWriter, r *http.Request, k idempotency.Key, status int) bool {
	saved, err := c.Replays.Lookup(r.Context(), k)
	switch {
	case errors.Is(err, idempotency.ErrNotFound):
		return false
	case errors.Is(err, idempotency.ErrKeyReused):
		WriteProblem(w, r, KeyReused())
	case err != nil:
		WriteError(w, r, err, nil, c.Logger)
	default:
		w.Header().Set(HeaderReplayed, "true")
		writeRawJSON(w, status, saved)
	}
	return true
}
