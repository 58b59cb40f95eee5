package prescription

import (
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/contracts"
)

// Restore rebuilds a prescription from its stored state and version, as a
// repository loads it. It checks the invariants a stored record must hold,
// so that a corrupted row is an error rather than a wrong prescription.
func Restore(s contracts.PrescriptionState, version int64) (*Prescription, error) {
	var errs []error
	if s.PrescriptionID == "" || s.PatientID == "" {
		errs = append(errs, errors.New("missing prescription or patient id"))
	}
	if version < 1 {
		errs = append(errs, fmt.Errorf("version %d is below 1", version))
	}
	if len(s.Items) == 0 {
		errs = append(errs, errors.New("no items"))
	}
	switch {
	case s.Status == contracts.PrescriptionStatusActive && s.Cancellation == nil:
	case s.Status == contracts.PrescriptionStatusCancelled && s.Cancellation != nil:
	default:
		errs = append(errs, fmt.Errorf("status %q does not match its cancellation", s.Status))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("restore prescription %q: %w", s.PrescriptionID, err)
	}
	p := &Prescription{state: s, version: version}
	p.state = p.State() // own the slices
	return p, nil
}
