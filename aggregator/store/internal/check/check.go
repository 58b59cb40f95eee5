// Package check validates the arguments of the read store's methods, so
// that every adapter rejects the same input with the same errors. Every
// problem is reported at once (errors.Join), each wrapping the port's
// sentinel (store.ErrInvalidQuery, store.ErrInvalidWrite,
// store.ErrInvalidGeneration).
package check

import (
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
)

// problems collects the reasons an argument is rejected.
type problems struct {
	sentinel error
	errs     []error
}

func (p *problems) add(format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%w: "+format, append([]any{p.sentinel}, args...)...))
}

func (p *problems) err() error { return errors.Join(p.errs...) }

func (p *problems) limit(n int) {
	if n < 1 || n > history.MaxPageSize {
		p.add("page size %d is not in 1..%d", n, history.MaxPageSize)
	}
}

// time checks that t can be stored and compared (years 0000-9999).
func (p *problems) time(name string, t time.Time) {
	if _, err := codec.TimeKey(t); err != nil {
		p.add("%s: %v", name, err)
	}
}

// period checks optional [from, to) bounds.
func (p *problems) period(from, to time.Time) {
	p.time("from", from)
	p.time("to", to)
	if !from.IsZero() && !to.IsZero() && !to.After(from) {
		p.add("period end %s is not after its start %s", to.Format(time.RFC3339Nano), from.Format(time.RFC3339Nano))
	}
}

func query() *problems { return &problems{sentinel: store.ErrInvalidQuery} }

// ID rejects an empty id of the named kind ("patient", "encounter", "event").
func ID(kind, id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty %s id", store.ErrInvalidQuery, kind)
	}
	return nil
}

var generationName = regexp.MustCompile(`^[a-z0-9][a-z0-9_]{0,31}$`)

// Generation rejects a name that cannot name a generation's tables and
// collections on every adapter.
func Generation(name string) error {
	if !generationName.MatchString(name) {
		return fmt.Errorf("%w: %q", store.ErrInvalidGeneration, name)
	}
	return nil
}
