package ports

import (
	"fmt"
	"time"
)

// times collects the time fields of a request body that are not RFC 3339,
// with why. Such a field is passed on as the zero time, which the domain
// rejects as missing (every time a command takes is required), so the
// command writes nothing; problemFor then says what is really wrong.
type times map[string]string

// parse returns the time v holds, or the zero time when v is empty or not
// RFC 3339, noting the latter.
func (ts times) parse(field, v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		ts[field] = fmt.Sprintf("must be an RFC 3339 time such as 2026-03-02T10:40:00Z, not %q", v)
		return time.Time{}
	}
	return t
}
