package ports

import (
	"errors"

	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
	"github.com/prontuario/prontuario/internal/httpx"
)

// classify maps the service's errors to problems: invalid input to 422,
// unknown records to 404, state conflicts to 409.
func classify(err error) *httpx.Problem { return problemFor(err, nil) }

// problemFor is classify, explaining the fields of badTimes (times that did
// not parse) with why, instead of the domain's "is required".
func problemFor(err error, badTimes times) *httpx.Problem {
	var invalid *laborder.ValidationError
	switch {
	case errors.As(err, &invalid):
		fields := make([]httpx.FieldError, 0, len(invalid.Fields))
		for _, f := range invalid.Fields {
			msg := f.Reason
			if why, ok := badTimes[f.Field]; ok {
				msg = why
			}
			fields = append(fields, httpx.FieldError{Field: f.Field, Message: msg})
		}
		return httpx.Invalid("the request breaks the rules of a lab order", fields...)
	case errors.Is(err, laborder.ErrNotFound):
		return httpx.NotFound(err.Error())
	case errors.Is(err, laborder.ErrConflict):
		return httpx.Conflict(err.Error())
	}
	return nil
}

// explain returns err as a problem when it is one of the service's errors,
// with the unparseable times of the request explained; else err as is.
func explain(err error, badTimes times) error {
	if p := problemFor(err, badTimes); p != nil {
		return p
	}
	return err
}
