package prescription

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Length limits: maxIDLen and maxTextLen are the event schema's
// (contracts/schemas/defs.v1.json), so an accepted command always makes a
// valid event; maxCodeLen bounds codes and short free text (dose, unit).
const (
	maxIDLen   = 128
	maxTextLen = 4000
	maxCodeLen = 64
)

// checker collects field errors; the zero value is ready to use.
type checker struct {
	fields []FieldError
}

func (c *checker) add(field string, cause error, format string, args ...any) {
	c.fields = append(c.fields, FieldError{Field: field, Reason: fmt.Sprintf(format, args...), Err: cause})
}

// id checks a required identifier: not blank, at most maxIDLen characters,
// no surrounding or control whitespace.
func (c *checker) id(field, v string) {
	switch {
	case strings.TrimSpace(v) == "":
		c.add(field, nil, "is required")
	case utf8.RuneCountInString(v) > maxIDLen:
		c.add(field, nil, "must be at most %d characters", maxIDLen)
	case strings.TrimSpace(v) != v || strings.ContainsAny(v, "\t\r\n"):
		c.add(field, nil, "must not contain leading, trailing or control whitespace")
	}
}

// text checks a required free text of at most max characters.
func (c *checker) text(field, v string, max int) {
	switch {
	case strings.TrimSpace(v) == "":
		c.add(field, nil, "is required")
	case utf8.RuneCountInString(v) > max:
		c.add(field, nil, "must be at most %d characters", max)
	}
}

// time checks a required instant.
func (c *checker) time(field string, t time.Time) {
	if t.IsZero() {
		c.add(field, nil, "is required")
	}
}

// err returns the collected errors as a *ValidationError, or nil.
func (c *checker) err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: c.fields}
}
