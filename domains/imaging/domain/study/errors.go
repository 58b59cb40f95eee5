package study

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is wrapped by the error for a study that does not exist.
var ErrNotFound = errors.New("imaging study not found")

// ErrConflict is wrapped by every error that refuses a change because of the
// study's current state, as opposed to bad input.
var ErrConflict = errors.New("conflict with the imaging study's current state")

var (
	// ErrAlreadyPerformed: the study was performed already. It wraps ErrConflict.
	ErrAlreadyPerformed = fmt.Errorf("%w: the study was already performed", ErrConflict)
	// ErrNotPerformed: a report needs the study performed first. It wraps ErrConflict.
	ErrNotPerformed = fmt.Errorf("%w: the study has not been performed yet", ErrConflict)
	// ErrAlreadyReported: the report is final; it changes only through an
	// amendment. It wraps ErrConflict.
	ErrAlreadyReported = fmt.Errorf("%w: the report is already final; amend it instead", ErrConflict)
	// ErrNotReported: only a finalized report can be amended. It wraps ErrConflict.
	ErrNotReported = fmt.Errorf("%w: the study has no report to amend", ErrConflict)
	// ErrAlreadyExists: a study with the id exists. It wraps ErrConflict.
	ErrAlreadyExists = fmt.Errorf("%w: an imaging study with this id already exists", ErrConflict)
)

// FieldError is one invalid field of an input.
type FieldError struct {
	// Field is the path of the field in the command's JSON body; "" means
	// the input as a whole.
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
