package laborder

import (
	"slices"
	"strings"

	"github.com/prontuario/prontuario/contracts"
)

// Interpretations are the accepted interpretation codes (HL7 v3
// ObservationInterpretation): low, normal, high, critically low, critically
// high, abnormal, critically abnormal.
var Interpretations = []string{"L", "N", "H", "LL", "HH", "A", "AA"}

// compatible lists, for each interpretation the reference range implies,
// the given interpretations that agree with it.
var compatible = map[string][]string{
	"L": {"L", "LL", "A", "AA"},
	"H": {"H", "HH", "A", "AA"},
	"N": {"N"},
}

// Interpret classifies value against the range: "L" below the low bound,
// "H" above the high bound, "N" within the bounds it has, and "" when the
// range has no bound at all.
func Interpret(value float64, rr contracts.ReferenceRange) string {
	switch {
	case rr.Low == nil && rr.High == nil:
		return ""
	case rr.Low != nil && value < *rr.Low:
		return "L"
	case rr.High != nil && value > *rr.High:
		return "H"
	}
	return "N"
}

// interpretation returns the interpretation to record: the one computed
// from the range when none is given, else the given one, which must be a
// known code that agrees with the range (a value above the range may be H,
// HH, A or AA; one within it only N).
func (c *checker) interpretation(given string, value float64, rr contracts.ReferenceRange) string {
	computed := Interpret(value, rr)
	switch {
	case given == "":
		return computed
	case !slices.Contains(Interpretations, given):
		c.add("interpretation", nil, "must be one of %s", strings.Join(Interpretations, ", "))
	case computed != "" && !slices.Contains(compatible[computed], given):
		c.add("interpretation", nil, "%s contradicts the reference range, which makes %g %s", given, value, computed)
	}
	return given
}

// referenceRange checks that the range's bounds are finite and ordered.
func (c *checker) referenceRange(rr contracts.ReferenceRange) {
	if rr.Low != nil {
		c.number("referenceRange.low", *rr.Low)
	}
	if rr.High != nil {
		c.number("referenceRange.high", *rr.High)
	}
	if rr.Low != nil && rr.High != nil && *rr.Low > *rr.High {
		c.add("referenceRange", nil, "low %g is above high %g", *rr.Low, *rr.High)
	}
}
