package study

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits, those of the event schema (contracts/schemas/defs.v1.json) or tighter.
const (
	maxTextLen  = 4000
	maxBodySite = 200
	maxStudyUID = 64
	// ClockSkew is how far in the future a clinical time may lie.
	ClockSkew = 5 * time.Minute
)

var (
	// identifier is what an id given by a client may look like.
	identifier = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)
	// dicomUID is a DICOM UID: dot-separated numbers without leading zeros.
	dicomUID = regexp.MustCompile(`^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$`)
)

func (c *checker) id(field, v string) {
	switch {
	case v == "":
		c.add(field, "is required")
	case !identifier.MatchString(v):
		c.add(field, "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit")
	}
}

// text checks a free text of at most max characters, required or not.
func (c *checker) text(field, v string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(v) == "":
		c.add(field, "is required")
	case utf8.RuneCountInString(v) > max:
		c.add(field, "must be at most %d characters", max)
	case !utf8.ValidString(v):
		c.add(field, "must be valid UTF-8")
	}
}

// clinicalTime checks a required time of a clinical act: set, not before
// notBefore (when set) and not in the future (unless now is zero).
func (c *checker) clinicalTime(field string, t, notBefore, now time.Time, notBeforeWhat string) {
	switch {
	case t.IsZero():
		c.add(field, "is required")
	case !notBefore.IsZero() && t.Before(notBefore):
		c.add(field, "must not be before %s (%s)", notBeforeWhat, notBefore.UTC().Format(time.RFC3339))
	case !now.IsZero() && t.After(now.Add(ClockSkew)):
		c.add(field, "must not be in the future")
	}
}

func (c *checker) studyUID(field, v string) {
	switch {
	case v == "":
		c.add(field, "is required")
	case len(v) > maxStudyUID || !dicomUID.MatchString(v):
		c.add(field, "must be a DICOM UID: at most 64 characters of dot-separated numbers without leading zeros")
	}
}
