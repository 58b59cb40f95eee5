package httpx

import (
	"errors"
	"log/slog"
	"net/http"
)

// Classifier turns a service's own errors into problems (with
// errors.Is/As), returning nil for errors it does not know.
type Classifier func(error) *Problem

// WriteError writes err as a problem: a [*Problem] anywhere in its chain
// as is, else what classify makes of it, else a 500 whose cause is logged
// and not sent. A nil classify or logger is allowed.
func WriteError(w http.ResponseWriter, r *http.Request, err error, classify Classifier, logger *slog.Logger) {
	var p *Problem
	if errors.As(err, &p) {
		WriteProblem(w, r, p)
		return
	}
	if classify != nil {
		if p := classify(err); p != nil {
			WriteProblem(w, r, p)
			return
		}
	}
	if logger != nil {
		logger.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	WriteProblem(w, r, Internal())
}
