package codec

import (
	"fmt"
	"time"
)

// timeKeyLayout renders a UTC instant as "2026-03-02T12:10:00.000000000Z".
const (
	timeKeyLayout = "2006-01-02T15:04:05.000000000Z07:00"
	timeKeyLen    = len("2026-03-02T12:10:00.000000000Z")
)

// TimeKey renders t in UTC as a fixed-width string that sorts in time
// order. Years outside 0000-9999 cannot be rendered so and are an error.
func TimeKey(t time.Time) (string, error) {
	u := t.UTC()
	if y := u.Year(); y < 0 || y > 9999 {
		return "", fmt.Errorf("time %s: year %d is outside 0000-9999", t.Format(time.RFC3339Nano), y)
	}
	return u.Format(timeKeyLayout), nil
}

// ParseTimeKey is the inverse of TimeKey; the result is in UTC.
func ParseTimeKey(s string) (time.Time, error) {
	if len(s) != timeKeyLen || s[timeKeyLen-1] != 'Z' {
		return time.Time{}, fmt.Errorf("time key %q: want %d bytes ending in Z", s, timeKeyLen)
	}
	t, err := time.Parse(timeKeyLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("time key %q: %w", s, err)
	}
	return t.UTC(), nil
}
