package encounter

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits, those of the event schema (contracts/schemas/defs.v1.json) or tighter.
const (
	maxTextLen = 4000
	maxNameLen = 200
	// ClockSkew is how far in the future a clinical time may lie: clocks
	// of devices and servers disagree a little, never by more.
	ClockSkew = 5 * time.Minute
)

// identifier is what an id given by a client may look like.
var identifier = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// id checks a required identifier.
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
