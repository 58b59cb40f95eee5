package ports

import (
	"errors"

	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
	"github.com/prontuario/prontuario/internal/httpx"
)

// problemFor maps the triage domain's errors to problems: invalid input
// to 422 with one entry per field, an unknown encounter to 404, a change
// the encounter's state forbids to 409.
func problemFor(err error) *httpx.Problem {
	var invalid *encounter.ValidationError
	switch {
	case errors.As(err, &invalid):
		fields := make([]httpx.FieldError, len(invalid.Fields))
		for i, f := range invalid.Fields {
			fields[i] = httpx.FieldError{Field: f.Field, Message: f.Reason}
		}
		return httpx.Invalid("the request breaks the encounter's rules", fields...)
	case errors.Is(err, encounter.ErrNotFound):
		return httpx.NotFound(err.Error())
	case errors.Is(err, encounter.ErrConflict):
		return httpx.Conflict(err.Error())
	}
	return nil
}
