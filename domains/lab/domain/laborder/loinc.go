package laborder

import (
	"fmt"
	"regexp"
)

// loincPattern is a LOINC code: up to 7 digits, a hyphen, the check digit.
var loincPattern = regexp.MustCompile(`^([0-9]{1,7})-([0-9])$`)

// CheckLOINC returns nil when code is a well-formed LOINC code whose check
// digit is right, else an error wrapping ErrInvalidLOINC that says why.
func CheckLOINC(code string) error {
	m := loincPattern.FindStringSubmatch(code)
	if m == nil {
		return fmt.Errorf("%w: %q is not digits-checkdigit (e.g. 718-7)", ErrInvalidLOINC, code)
	}
	if want := LOINCCheckDigit(m[1]); int(m[2][0]-'0') != want {
		return fmt.Errorf("%w: %q has check digit %s, want %d", ErrInvalidLOINC, code, m[2], want)
	}
	return nil
}

// LOINCCheckDigit computes the mod-10 check digit LOINC appends to a code
// (the Luhn algorithm): from the rightmost digit leftwards, every other
// digit starting with the rightmost is doubled (and a two-digit product
// counts as the sum of its digits); the check digit brings the total up to
// a multiple of 10. digits must hold only ASCII digits.
func LOINCCheckDigit(digits string) int {
	sum := 0
	for i := range len(digits) {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}
