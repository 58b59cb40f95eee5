package laborder

import (
	"fmt"
	"slices"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// ResultRequest is a result for one ordered test.
type ResultRequest struct {
	Code           string   // LOINC code of an ordered test
	Value          *float64 // required
	Unit           string   // UCUM, e.g. "g/dL"
	ReferenceRange contracts.ReferenceRange
	// Interpretation is optional: when empty it is computed from the
	// reference range (L, N or H); when given it must agree with it.
	Interpretation string
	Status         string // preliminary or final
	Performer      string
	ResultedAt     time.Time
}

// RecordResult sets the current result of an ordered test and bumps the
// version. A preliminary result may be replaced by a later one, preliminary
// or final; a final (or corrected) result is never replaced: it changes only
// through CorrectResult, so its previous value is kept. Errors: a
// *ValidationError for bad input, including a test the order does not list
// (ErrTestNotOrdered) and a result dated before the order; ErrResultFinal
// when the test's result is already final. On error the order is unchanged.
func (o *Order) RecordResult(req ResultRequest) error {
	var c checker
	test, ordered := o.test(req.Code)
	switch {
	case req.Code == "":
		c.add("code", nil, "is required")
	case !ordered:
		c.add("code", ErrTestNotOrdered, "test %s was not ordered in %s", req.Code, o.state.OrderID)
	}
	value := c.value(req.Value)
	c.text("unit", req.Unit, maxCodeLen)
	c.referenceRange(req.ReferenceRange)
	interpretation := c.interpretation(req.Interpretation, value, req.ReferenceRange)
	if req.Status != contracts.ResultStatusPreliminary && req.Status != contracts.ResultStatusFinal {
		c.add("status", nil, "must be %s or %s", contracts.ResultStatusPreliminary, contracts.ResultStatusFinal)
	}
	c.id("performer", req.Performer)
	c.time("resultedAt", req.ResultedAt)
	c.notBefore("resultedAt", req.ResultedAt, o.state.OrderedAt, "the order was placed")
	if err := c.err(); err != nil {
		return err
	}
	i := o.result(req.Code)
	if i >= 0 && o.state.Results[i].Status != contracts.ResultStatusPreliminary {
		return fmt.Errorf("record %s on %s: %w", req.Code, o.state.OrderID, ErrResultFinal)
	}
	r := contracts.LabResult{
		Code:           req.Code,
		Name:           test.Name,
		Value:          value,
		Unit:           req.Unit,
		ReferenceRange: contracts.ReferenceRange{Low: clonePtr(req.ReferenceRange.Low), High: clonePtr(req.ReferenceRange.High)},
		Interpretation: interpretation,
		Status:         req.Status,
		Performer:      req.Performer,
		ResultedAt:     req.ResultedAt.UTC(),
	}
	if i >= 0 {
		o.state.Results[i] = r
	} else {
		o.state.Results = append(o.state.Results, r)
		o.sortResults()
	}
	o.version++
	return nil
}

// sortResults keeps results in the order of the tests.
func (o *Order) sortResults() {
	rank := func(code string) int {
		return slices.IndexFunc(o.state.Tests, func(t contracts.LabTest) bool { return t.Code == code })
	}
	slices.SortStableFunc(o.state.Results, func(a, b contracts.LabResult) int { return rank(a.Code) - rank(b.Code) })
}
