// Package gqlerr defines the error codes the GraphQL API puts in
// extensions.code, and the error type resolvers and the HTTP handler return
// so that graphql-go copies the code into the response.
//
// Messages of these errors are shown to clients: they never carry internal
// detail (store errors, stack traces, patient names or clinical values).
// Detail is logged server-side where the error is created.
package gqlerr

import (
	"errors"

	"github.com/graphql-go/graphql/gqlerrors"
)

// Code is the value of extensions.code in a GraphQL error.
type Code string

// Error codes of the API.
const (
	// Unauthenticated: the bearer token is missing or unknown (HTTP 401).
	Unauthenticated Code = "UNAUTHENTICATED"
	// Forbidden: the caller's role may not read this field.
	Forbidden Code = "FORBIDDEN"
	// BadUserInput: the request, an argument or a cursor is invalid.
	BadUserInput Code = "BAD_USER_INPUT"
	// NotFound: something the request names does not exist.
	NotFound Code = "NOT_FOUND"
	// QueryTooComplex: the query exceeds the depth or size limits; it was
	// rejected before execution.
	QueryTooComplex Code = "QUERY_TOO_COMPLEX"
	// Internal: the server failed; the detail is in the server's log only.
	Internal Code = "INTERNAL"
)

// Error is an API error with a client-safe message. It implements
// gqlerrors.ExtendedError, which graphql-go v0.8.1 checks on the error a
// resolver returns to fill the response's extensions.
type Error struct {
	Code    Code
	Message string
	// Extra holds further extensions (e.g. the limit that was exceeded).
	Extra map[string]any
	// Cause is the internal detail, for the server's log only; it never
	// reaches the client.
	Cause error
}

var _ gqlerrors.ExtendedError = (*Error)(nil)

// New returns an error with the code and the client-safe message.
func New(code Code, message string) *Error {
	return &Error{Code: code, Message: message}
}

// Error returns the client-safe message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// Extensions returns the code and any extra extensions.
func (e *Error) Extensions() map[string]any {
	ext := make(map[string]any, len(e.Extra)+1)
	for k, v := range e.Extra {
		ext[k] = v
	}
	ext["code"] = string(e.Code)
	return ext
}

// CodeOf returns the code of the first *Error in err's chain, or "" when there is none.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// InternalMessage is the only message a client sees for an INTERNAL error.
const InternalMessage = "internal error; the server logged the detail"

// NewInternal returns the client-facing INTERNAL error for cause. The HTTP
// handler logs the cause; the client sees InternalMessage only.
func NewInternal(cause error) *Error {
	return &Error{Code: Internal, Message: InternalMessage, Cause: cause}
}
