package encounter

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is wrapped by the error for an encounter that does not exist.
var ErrNotFound = errors.New("encounter not found")

// ErrConflict is wrapped by every error that refuses a change because of the
// encounter's current state, as opposed to bad input.
var ErrConflict = errors.New("conflict with the encounter's current state")

var (
	// ErrClosed: the encounter is closed; it can be neither triaged nor
	// closed again. It wraps ErrConflict.
	ErrClosed = fmt.Errorf("%w: the encounter is closed", ErrConflict)
	// ErrAlreadyExists: an encounter with the requested id exists. It wraps
	// ErrConflict.
	ErrAlreadyExists = fmt.Errorf("%w: an encounter with this id already exists", ErrConflict)
)

// FieldError is one invalid field of an input.
type FieldError struct {
	// Field is the path of the field in the command's JSON body, dotted:
	// "vitals.heartRate"; "" means the input as a whole.
	Field string
	// Reason says what is wrong, in English, for a human.
	Reason string
}

// ValidationError lists every invalid field of an input.
type ValidationError struct {
	Fields []FieldError // at least one
}

func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+f.Reason)
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// checker collects field errors; the zero value is ready to use.
type checker struct {
	fields []FieldError
}

func (c *checker) add(field, format string, args ...any) {
	c.fields = append(c.fields, FieldError{Field: field, Reason: fmt.Sprintf(format, args...)})
}

// err returns the collected errors as a *ValidationError, or nil.
func (c *checker) err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: c.fields}
}

// merge adds the fields of err, a *ValidationError, to c under prefix;
// other errors are ignored.
func (c *checker) merge(prefix string, err error) {
	var v *ValidationError
	if !errors.As(err, &v) {
		return
	}
	for _, f := range v.Fields {
		field := prefix
		if f.Field != "" {
			field = prefix + "." + f.Field
		}
		c.fields = append(c.fields, FieldError{Field: field, Reason: f.Reason})
	}
}
