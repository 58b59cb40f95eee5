package laborder_test

import (
	"errors"
	"testing"

	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestCheckLOINCAcceptsRealCodes(t *testing.T) {
	for _, code := range []string{
		"718-7",   // hemoglobin
		"2823-3",  // potassium
		"2160-0",  // creatinine
		"2345-7",  // glucose
		"6690-2",  // leukocytes
		"2951-2",  // sodium
		"777-3",   // platelets
		"1742-6",  // ALT
		"33762-6", // NT-proBNP
		"10839-9", // troponin I
	} {
		if err := laborder.CheckLOINC(code); err != nil {
			t.Errorf("CheckLOINC(%q) = %v, want nil", code, err)
		}
	}
}

func TestCheckLOINCRejects(t *testing.T) {
	tests := []struct{ name, code string }{
		{"a_wrong_check_digit", "718-6"},
		{"swapped_digits", "2832-3"},
		{"no_check_digit", "718"},
		{"two_check_digits", "718-77"},
		{"more_than_seven_digits", "12345678-2"},
		{"letters", "7I8-7"},
		{"an_empty_code", ""},
		{"spaces_around", " 718-7"},
		{"a_leading_hyphen", "-7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := laborder.CheckLOINC(tt.code); !errors.Is(err, laborder.ErrInvalidLOINC) {
				t.Errorf("CheckLOINC(%q) = %v, want ErrInvalidLOINC", tt.code, err)
			}
		})
	}
}

func TestLOINCCheckDigit(t *testing.T) {
	// The worked example of the LOINC user guide: 12345 has check digit 5.
	for digits, want := range map[string]int{"12345": 5, "718": 7, "2823": 3, "2160": 0, "2345": 7, "6690": 2} {
		if got := laborder.LOINCCheckDigit(digits); got != want {
			t.Errorf("LOINCCheckDigit(%q) = %d, want %d", digits, got, want)
		}
	}
}
