package prescription

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned (wrapped) when a prescription, prescriber or
// medication does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is wrapped by every error that refuses a change because of
// the record's current state (as opposed to bad input).
var ErrConflict = errors.New("conflict with the record's current state")

// ErrAlreadyCancelled is returned by Cancel when the prescription was
// cancelled before: a prescription is cancelled at most once. It wraps
// ErrConflict.
var ErrAlreadyCancelled = fmt.Errorf("%w: prescription is already cancelled", ErrConflict)

// Causes attached to field errors, so callers can test them with errors.Is
// on the *ValidationError.
var (
	// ErrUnknownPrescriber: the prescriber id is not in the catalog.
	ErrUnknownPrescriber = errors.New("unknown prescriber")
	// ErrInactivePrescriber: the prescriber exists but may not prescribe.
	ErrInactivePrescriber = errors.New("prescriber is inactive")
	// ErrNotInFormulary: the medication code is not in the formulary.
	ErrNotInFormulary = errors.New("medication is not in the formulary")
	// ErrNotAuthorized: the prescriber's specialty may not prescribe the
	// medication's class.
	ErrNotAuthorized = errors.New("specialty may not prescribe this medication class")
)

// FieldError is one invalid field of an input.
type FieldError struct {
	// Field is the path of the field in the command's JSON body, dotted,
	// with array indices in brackets (as internal/httpx names fields), e.g.
	// "items[0].dose"; "" means the input as a whole.
	Field string
	// Reason says what is wrong, in English, for a human.
	Reason string
	// Err is the rule that was broken when it has a sentinel, else nil.
	Err error
}

// ValidationError lists every invalid field of an input. Constructors
// return it instead of stopping at the first problem.
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

// Unwrap returns the sentinels of the field errors, so that
// errors.Is(err, ErrNotInFormulary) works on a *ValidationError.
func (e *ValidationError) Unwrap() []error {
	var errs []error
	for _, f := range e.Fields {
		if f.Err != nil {
			errs = append(errs, f.Err)
		}
	}
	return errs
}
