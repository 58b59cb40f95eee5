package laborder

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// CorrectionRequest corrects the value of a final result.
type CorrectionRequest struct {
	Value       *float64 // required
	Unit        string
	Reason      string
	CorrectedBy string
	CorrectedAt time.Time
}

// CorrectResult replaces the value of the test's final (or already
// corrected) result, appends a LabCorrection holding the previous and the
// new value to its Corrections, sets its status to "corrected", recomputes
// its interpretation from its reference range, and bumps the version.
//
// Errors: ErrResultNotFound (404) when the test has no result, including a
// code the order does not list; ErrResultNotFinal (409) when the result is
// still preliminary, because a preliminary result is replaced by recording
// a new one, and a correction documents a change to a released result; a
// *ValidationError for bad input, including a correction dated before the
// result. A correction that keeps the value and unit (a re-verification) is
// accepted and recorded like any other. On error the order is unchanged.
func (o *Order) CorrectResult(code string, req CorrectionRequest) error {
	i := o.result(code)
	if i < 0 {
		return fmt.Errorf("correct %s on %s: %w", code, o.state.OrderID, ErrResultNotFound)
	}
	r := o.state.Results[i]
	var c checker
	value := c.value(req.Value)
	c.text("unit", req.Unit, maxCodeLen)
	c.text("reason", req.Reason, maxTextLen)
	c.id("correctedBy", req.CorrectedBy)
	c.time("correctedAt", req.CorrectedAt)
	c.notBefore("correctedAt", req.CorrectedAt, r.ResultedAt, "the result")
	if err := c.err(); err != nil {
		return err
	}
	if r.Status == contracts.ResultStatusPreliminary {
		return fmt.Errorf("correct %s on %s: %w", code, o.state.OrderID, ErrResultNotFinal)
	}
	r.Corrections = append(r.Corrections[:len(r.Corrections):len(r.Corrections)], contracts.LabCorrection{
		PreviousValue: r.Value,
		PreviousUnit:  r.Unit,
		Value:         value,
		Unit:          req.Unit,
		Reason:        req.Reason,
		CorrectedBy:   req.CorrectedBy,
		CorrectedAt:   req.CorrectedAt.UTC(),
	})
	r.Value, r.Unit = value, req.Unit
	r.Status = contracts.ResultStatusCorrected
	r.Interpretation = Interpret(value, r.ReferenceRange)
	o.state.Results[i] = r
	o.version++
	return nil
}
