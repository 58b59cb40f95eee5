package laborder

import (
	"fmt"
	"math"
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

// loinc checks a required LOINC code.
func (c *checker) loinc(field, code string) {
	if code == "" {
		c.add(field, nil, "is required")
	} else if err := CheckLOINC(code); err != nil {
		c.add(field, ErrInvalidLOINC, "%s", err.Error())
	}
}

// number checks that v is a finite number.
func (c *checker) number(field string, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		c.add(field, nil, "must be a finite number")
	}
}

// notBefore checks that t, when set, is not before floor, which is when
// what is named happened.
func (c *checker) notBefore(field string, t, floor time.Time, what string) {
	if !t.IsZero() && t.Before(floor) {
		c.add(field, nil, "must not be before %s (%s)", what, floor.Format(time.RFC3339))
	}
}

// value checks a required finite number and returns it (0 when absent).
func (c *checker) value(v *float64) float64 {
	if v == nil {
		c.add("value", nil, "is required")
		return 0
	}
	c.number("value", *v)
	return *v
}
