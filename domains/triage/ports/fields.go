package ports

import (
	"time"

	"github.com/prontuario/prontuario/internal/httpx"
)

// fields collects the problems a request has before it reaches the
// domain: malformed times and missing numbers (which JSON would otherwise
// turn into a zero that might be valid).
type fields []httpx.FieldError

func (f *fields) add(field, message string) {
	*f = append(*f, httpx.FieldError{Field: field, Message: message})
}

// time parses an RFC 3339 time; "" is the zero time, which the domain
// reports as missing.
func (f *fields) time(field, v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		f.add(field, "must be an RFC 3339 date-time with a time zone, such as 2026-03-02T10:00:00Z")
	}
	return t
}

func (f *fields) int(field string, v *int) int {
	if v == nil {
		f.add(field, "is required")
		return 0
	}
	return *v
}

func (f *fields) float(field string, v *float64) float64 {
	if v == nil {
		f.add(field, "is required")
		return 0
	}
	return *v
}

// err is a 422 problem listing the fields, or nil.
func (f fields) err() error {
	if len(f) == 0 {
		return nil
	}
	return httpx.Invalid("the request has invalid fields", f...)
}
