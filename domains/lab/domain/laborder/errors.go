package laborder

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is wrapped by every error saying that a lab order or one of
// its results does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is wrapped by every error that refuses a change because of
// the order's current state (as opposed to bad input).
var ErrConflict = errors.New("conflict with the record's current state")

var (
	// ErrResultNotFound: a correction names a test with no result yet. It
	// wraps ErrNotFound.
	ErrResultNotFound = fmt.Errorf("lab result %w", ErrNotFound)
	// ErrResultFinal: a result was recorded for a test whose result is
	// already final (or corrected); a final result changes only through a
	// correction. It wraps ErrConflict.
	ErrResultFinal = fmt.Errorf("%w: the result is final; send a correction instead", ErrConflict)
	// ErrResultNotFinal: a correction names a preliminary result, which is
	// replaced by recording a new result rather than corrected. It wraps
	// ErrConflict.
	ErrResultNotFinal = fmt.Errorf("%w: the result is preliminary; record a new result instead of correcting it", ErrConflict)
	// ErrTestNotOrdered: a result names a test the order does not list. It
	// is the cause of a field error in a *ValidationError.
	ErrTestNotOrdered = errors.New("test was not ordered")
	// ErrInvalidLOINC: a code is not a well-formed LOINC code with a
	// correct check digit. It is the cause of a field error.
	ErrInvalidLOINC = errors.New("invalid LOINC code")
)

// FieldError is one invalid field of an input.
type FieldError struct {
	// Field is the path of the field in the command's JSON body, dotted,
	// with array indices in brackets (as internal/httpx names fields), e.g.
	// "tests[0].code"; "" means the input as a whole.
	Field string
	// Reason says what is wrong, in English, for a human.
	Reason string
	// Err is the rule that was broken when it has a sentinel, else nil.
	Err error
}

// ValidationError lists every invalid field of an input. Constructors and
// commands return it instead of stopping at the first problem.
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
// errors.Is(err, ErrTestNotOrdered) works on a *ValidationError.
func (e *ValidationError) Unwrap() []error {
	var errs []error
	for _, f := range e.Fields {
		if f.Err != nil {
			errs = append(errs, f.Err)
		}
	}
	return errs
}
