package check

import (
	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

// AccessEntry validates an access log entry before it is appended.
func AccessEntry(e history.AccessEntry) error {
	p := &problems{sentinel: store.ErrInvalidWrite}
	if e.ID == "" {
		p.add("access entry without id")
	}
	if e.Subject == "" {
		p.add("access entry %s without subject", e.ID)
	}
	if e.At.IsZero() {
		p.add("access entry %s without time", e.ID)
	}
	p.time("access time", e.At)
	return p.err()
}
