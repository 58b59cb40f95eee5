package ports

import (
	"time"

	"github.com/prontuario/prontuario/internal/httpx"
)

// fields collects the problems a request has before it reaches the
// domain: malformed times.
type fields []httpx.FieldError

// time parses an RFC 3339 time; "" is the zero time, which the domain
// reports as missing.
func (f *fields) time(field, v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		*f = append(*f, httpx.FieldError{Field: field, Message: "must be an RFC 3339 date-time with a time zone, such as 2026-03-02T10:00:00Z"})
	}
	return t
}

// err is a 422 problem listing the fields, or nil.
func (f fields) err() error {
	if len(f) == 0 {
		return nil
	}
	return httpx.Invalid("the request has invalid fields", f...)
}
