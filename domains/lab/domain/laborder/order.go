package laborder

import (
	"fmt"
	"slices"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// MaxTests is the most tests one lab order may list.
const MaxTests = 50

// Order is a lab order with the current result of each of its tests. Its
// version starts at 1 and grows by one with every change.
type Order struct {
	state   contracts.LabOrderState
	version int64
}

// TestRequest is one test to order.
type TestRequest struct {
	Code string // LOINC, e.g. "718-7"
	Name string // e.g. "Hemoglobin"
}

// PlaceRequest is a clinician's request to place a lab order.
type PlaceRequest struct {
	PatientID   string
	EncounterID string
	Tests       []TestRequest
	OrderedBy   string
	OrderedAt   time.Time
}

// Place validates req and returns the new order, at version 1. It reports
// every problem at once in a *ValidationError: a missing field, no tests
// (or more than MaxTests), a malformed LOINC code or one with a wrong check
// digit (ErrInvalidLOINC), a test ordered twice.
func Place(id string, req PlaceRequest) (*Order, error) {
	var c checker
	c.id("id", id)
	c.id("patientId", req.PatientID)
	c.id("encounterId", req.EncounterID)
	switch {
	case len(req.Tests) == 0:
		c.add("tests", nil, "must list at least one test")
	case len(req.Tests) > MaxTests:
		c.add("tests", nil, "must list at most %d tests", MaxTests)
	}
	tests := make([]contracts.LabTest, 0, len(req.Tests))
	for i, t := range req.Tests {
		if len(req.Tests) > MaxTests {
			break // rejected as a whole above; checking each would only add noise
		}
		c.loinc(fmt.Sprintf("tests[%d].code", i), t.Code)
		if j := slices.IndexFunc(req.Tests[:i], func(o TestRequest) bool { return o.Code == t.Code }); j >= 0 {
			c.add(fmt.Sprintf("tests[%d].code", i), nil, "repeats the test of tests[%d]", j)
		}
		c.text(fmt.Sprintf("tests[%d].name", i), t.Name, maxTextLen)
		tests = append(tests, contracts.LabTest{Code: t.Code, Name: t.Name})
	}
	c.id("orderedBy", req.OrderedBy)
	c.time("orderedAt", req.OrderedAt)
	if err := c.err(); err != nil {
		return nil, err
	}
	return &Order{version: 1, state: contracts.LabOrderState{
		PatientID:   req.PatientID,
		EncounterID: req.EncounterID,
		OrderID:     id,
		Tests:       tests,
		OrderedBy:   req.OrderedBy,
		OrderedAt:   req.OrderedAt.UTC(),
	}}, nil
}

// ID is the order's id.
func (o *Order) ID() string { return o.state.OrderID }

// PatientID is the id of the patient the order is for.
func (o *Order) PatientID() string { return o.state.PatientID }

// Version is 1 when placed and grows by one with every change.
func (o *Order) Version() int64 { return o.version }

// State returns a copy of the order's full state, as published.
func (o *Order) State() contracts.LabOrderState {
	s := o.state
	s.Tests = slices.Clone(s.Tests)
	s.Results = slices.Clone(s.Results)
	for i := range s.Results {
		r := &s.Results[i]
		r.ReferenceRange = contracts.ReferenceRange{Low: clonePtr(r.ReferenceRange.Low), High: clonePtr(r.ReferenceRange.High)}
		r.Corrections = slices.Clone(r.Corrections)
	}
	return s
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// test returns the ordered test with the code.
func (o *Order) test(code string) (contracts.LabTest, bool) {
	i := slices.IndexFunc(o.state.Tests, func(t contracts.LabTest) bool { return t.Code == code })
	if i < 0 {
		return contracts.LabTest{}, false
	}
	return o.state.Tests[i], true
}

// result returns the index of the current result of the test, or -1.
func (o *Order) result(code string) int {
	return slices.IndexFunc(o.state.Results, func(r contracts.LabResult) bool { return r.Code == code })
}
