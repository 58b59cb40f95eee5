package contracts

import (
	"errors"
	"fmt"
	"strings"
)

// ErrMissingPatientID is returned by Decode and Encode when an event has no
// patient id (neither in the ce_subject header nor in the body).
var ErrMissingPatientID = errors.New("event has no patient id")

// UnknownTypeError is returned by Decode when the event type is not one this
// package knows, at any version.
type UnknownTypeError struct {
	// Type is the CloudEvents type attribute as received.
	Type string
}

func (e *UnknownTypeError) Error() string { return fmt.Sprintf("unknown event type %q", e.Type) }

// UnknownVersionError is returned by Decode when the event type is known but
// not at the version received.
type UnknownVersionError struct {
	Type    EventType
	Version int
}

func (e *UnknownVersionError) Error() string {
	return fmt.Sprintf("unknown version %d of event type %s", e.Version, e.Type)
}

// Violation is one way a body breaks its schema.
type Violation struct {
	// Path is the JSON pointer of the offending value in the body ("" is the root).
	Path string
	// Message says what is wrong, in English.
	Message string
}

// SchemaError is returned when a body does not satisfy the JSON Schema of its
// event type and version.
type SchemaError struct {
	Type       EventType
	Version    int
	Violations []Violation // at least one
}

func (e *SchemaError) Error() string {
	parts := make([]string, 0, len(e.Violations))
	for _, v := range e.Violations {
		path := v.Path
		if path == "" {
			path = "/"
		}
		parts = append(parts, path+": "+v.Message)
	}
	return fmt.Sprintf("%s v%d violates its schema: %s", e.Type, e.Version, strings.Join(parts, "; "))
}

// Path is the JSON pointer of the first violation.
func (e *SchemaError) Path() string {
	if len(e.Violations) == 0 {
		return ""
	}
	return e.Violations[0].Path
}

// MalformedError is returned when a message cannot be decoded at all: its
// headers are missing or invalid, its body is not JSON, it is too large, or
// its headers contradict its body.
type MalformedError struct {
	// Reason says what is wrong.
	Reason string
	// Err is the underlying error, if any.
	Err error
}

func (e *MalformedError) Error() string {
	if e.Err != nil {
		return "malformed event: " + e.Reason + ": " + e.Err.Error()
	}
	return "malformed event: " + e.Reason
}

func (e *MalformedError) Unwrap() error { return e.Err }

// Error kinds, as written in the dead-letter header dlq_error_kind.
const (
	KindMalformed        = "malformed"
	KindUnknownType      = "unknown_type"
	KindUnknownVersion   = "unknown_version"
	KindSchemaViolation  = "schema_violation"
	KindMissingPatientID = "missing_patient_id"
)

// ErrorKind classifies an error returned by Decode, or returns "" when err is
// not a decoding error (and so not a reason to dead-letter a message).
func ErrorKind(err error) string {
	var (
		unknownType    *UnknownTypeError
		unknownVersion *UnknownVersionError
		schema         *SchemaError
		malformed      *MalformedError
	)
	switch {
	case errors.Is(err, ErrMissingPatientID):
		return KindMissingPatientID
	case errors.As(err, &unknownType):
		return KindUnknownType
	case errors.As(err, &unknownVersion):
		return KindUnknownVersion
	case errors.As(err, &schema):
		return KindSchemaViolation
	case errors.As(err, &malformed):
		return KindMalformed
	}
	return ""
}
