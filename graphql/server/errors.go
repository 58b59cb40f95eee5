package server

import (
	"context"
	"errors"
	"log/slog"

	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/location"

	"github.com/prontuario/prontuario/graphql/gqlerr"
)

// apiError is one error as the response shows it.
type apiError struct {
	Message    string                    `json:"message"`
	Locations  []location.SourceLocation `json:"locations,omitempty"`
	Path       []any                     `json:"path,omitempty"`
	Extensions map[string]any            `json:"extensions"`
}

func (e apiError) code() gqlerr.Code {
	c, _ := e.Extensions["code"].(string)
	return gqlerr.Code(c)
}

// formatted turns an error of ours into a graphql-go formatted error with
// its extensions (gqlerrors.FormatError drops them for plain errors).
func formatted(err error) gqlerrors.FormattedError {
	fe := gqlerrors.FormatError(err)
	var e *gqlerr.Error
	if errors.As(err, &e) {
		fe.Extensions = e.Extensions()
	}
	return fe
}

// withCode sets code on errors that have none (parse and validation errors).
func withCode(errs []gqlerrors.FormattedError, code gqlerr.Code) []gqlerrors.FormattedError {
	for i := range errs {
		if errs[i].Extensions == nil {
			errs[i].Extensions = map[string]any{}
		}
		if _, ok := errs[i].Extensions["code"]; !ok {
			errs[i].Extensions["code"] = string(code)
		}
	}
	return errs
}

// sanitize makes sure every error has a code and no internal detail.
// Errors graphql-go raises without a code are BAD_USER_INPUT when they have
// no path (variable coercion, before any field ran) and INTERNAL otherwise
// (a resolver panicked, or returned null for a non-null field).
func (h *Handler) sanitize(ctx context.Context, errs []gqlerrors.FormattedError) []apiError {
	out := make([]apiError, 0, len(errs))
	for _, fe := range errs {
		e := apiError{Message: fe.Message, Locations: fe.Locations, Path: fe.Path, Extensions: map[string]any{}}
		for k, v := range fe.Extensions {
			e.Extensions[k] = v
		}
		switch {
		case e.code() == gqlerr.Internal:
			h.logInternal(ctx, causeOf(fe))
			e.Message = gqlerr.InternalMessage
		case e.code() != "":
		case ctx.Err() != nil:
			h.logInternal(ctx, ctx.Err())
			e.Message, e.Extensions["code"] = "the request timed out or was cancelled", string(gqlerr.Internal)
		case len(fe.Path) == 0:
			e.Extensions["code"] = string(gqlerr.BadUserInput)
		default:
			h.logInternal(ctx, causeOf(fe))
			e.Message, e.Extensions["code"] = gqlerr.InternalMessage, string(gqlerr.Internal)
		}
		out = append(out, e)
	}
	return out
}

// causeOf digs the error a resolver returned out of graphql-go's wrapping.
func causeOf(fe gqlerrors.FormattedError) error {
	err := fe.OriginalError()
	var located *gqlerrors.Error
	if errors.As(err, &located) && located.OriginalError != nil {
		err = located.OriginalError
	}
	if err == nil {
		return errors.New(fe.Message)
	}
	return err
}

// logInternal logs the detail of an INTERNAL error. Details name ids and
// operations, never patient names or clinical values.
func (h *Handler) logInternal(ctx context.Context, err error) {
	var e *gqlerr.Error
	if errors.As(err, &e) && e.Cause != nil {
		err = e.Cause
	}
	h.log.LogAttrs(ctx, slog.LevelError, "graphql internal error", slog.String("error", err.Error()))
}

func hasCode(errs []apiError, code gqlerr.Code) bool {
	for _, e := range errs {
		if e.code() == code {
			return true
		}
	}
	return false
}
