package laborder

import (
	"errors"
	"fmt"
	"slices"

	"github.com/prontuario/prontuario/contracts"
)

// Restore rebuilds an order from its stored state and version, as a
// repository loads it. It checks the invariants a stored record must hold,
// so that a corrupted row is an error rather than a wrong order.
func Restore(s contracts.LabOrderState, version int64) (*Order, error) {
	var errs []error
	if s.OrderID == "" || s.PatientID == "" {
		errs = append(errs, errors.New("missing order or patient id"))
	}
	if version < 1 {
		errs = append(errs, fmt.Errorf("version %d is below 1", version))
	}
	if len(s.Tests) == 0 {
		errs = append(errs, errors.New("no tests"))
	}
	for _, r := range s.Results {
		if !slices.ContainsFunc(s.Tests, func(t contracts.LabTest) bool { return t.Code == r.Code }) {
			errs = append(errs, fmt.Errorf("result %s is not of an ordered test", r.Code))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("restore lab order %q: %w", s.OrderID, err)
	}
	o := &Order{state: s, version: version}
	o.state = o.State() // own the slices
	return o, nil
}
