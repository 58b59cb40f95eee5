package limits

import "fmt"

// Measures a TooComplexError may name.
const (
	MeasureDepth = "depth"
	MeasureNodes = "nodes"
)

// TooComplexError is returned by Check when a query exceeds a limit.
type TooComplexError struct {
	// Measure is MeasureDepth or MeasureNodes.
	Measure string
	// Max is the limit; Actual what the query reached (at least Max+1; the
	// walk stops counting far above the limit).
	Max, Actual int
}

func (e *TooComplexError) Error() string {
	if e.Measure == MeasureDepth {
		return fmt.Sprintf("query is nested %d levels deep, more than the limit of %d", e.Actual, e.Max)
	}
	return fmt.Sprintf("query could return up to %d objects, more than the limit of %d: "+
		"ask for fewer items with `first` or select fewer nested lists", e.Actual, e.Max)
}
