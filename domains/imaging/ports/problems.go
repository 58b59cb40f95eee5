package ports

import (
	"errors"

	"github.com/prontuario/prontuario/domains/imaging/domain/study"
	"github.com/prontuario/prontuario/internal/httpx"
)

// problemFor maps the imaging domain's errors to problems: invalid input
// to 422 with one entry per field, an unknown study to 404, a change the
// study's state forbids to 409.
func problemFor(err error) *httpx.Problem {
	var invalid *study.ValidationError
	switch {
	case errors.As(err, &invalid):
		fields := make([]httpx.FieldError, len(invalid.Fields))
		for i, f := range invalid.Fields {
			fields[i] = httpx.FieldError{Field: f.Field, Message: f.Reason}
		}
		return httpx.Invalid("the request breaks the imaging study's rules", fields...)
	case errors.Is(err, study.ErrNotFound):
		return httpx.NotFound(err.Error())
	case errors.Is(err, study.ErrConflict):
		return httpx.Conflict(err.Error())
	}
	return nil
}
