package ports

import (
	"testing"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// The decoders read untrusted bodies: whatever the bytes, they must return
// a command or an error, never panic. The seeds run as normal tests;
// `go test -fuzz FuzzDecodeIssue` explores further.

func FuzzDecodeIssue(f *testing.F) {
	for _, seed := range []string{
		`{"patientId": "P-1", "encounterId": "E-1", "prescriberId": "PR-1", "items": [{"medicationCode": "ASA100", "dose": "100mg", "route": "oral", "frequency": "daily", "times": ["08:00"]}], "issuedAt": "2026-03-02T10:40:00Z"}`,
		`{"items": [{}, {"times": ["25:00", "", "08:00", "08:00"]}], "issuedAt": "not a time"}`,
		`{"items": null, "issuedAt": "2026-13-45T99:99:99Z"}`,
		`{"patientId": "\u0000", "extra": 1}`,
		`{"items": [{"medicationCode": 1}]}`,
		`[]`, `{`, ``, `null`, `{} {}`, `{"issuedAt": "0000-01-01T00:00:00Z"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		cmd, ts, err := decodeIssue(body)
		if err != nil {
			return
		}
		if ts == nil {
			t.Fatal("decoded without a times map")
		}
		// Validation of whatever decoded must not panic either.
		pr, _ := prescription.NewPrescriber("PR-1", "Dr. A", "Cardiology", "CRM1", true)
		_, _ = prescription.Issue("RX-1", cmd.IssueRequest, prescription.NewFormulary(&pr, nil, nil))
	})
}

func FuzzDecodeCancel(f *testing.F) {
	for _, seed := range []string{
		`{"reason": "Allergy", "cancelledBy": "PR-1", "cancelledAt": "2026-03-02T11:00:00Z"}`,
		`{"cancelledAt": 5}`, `{"cancelledAt": "5"}`, `{"reason": null}`, `{`, ``, `"x"`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		cmd, _, err := decodeCancel("RX-1", body)
		if err == nil && cmd.PrescriptionID != "RX-1" {
			t.Fatalf("decoded the cancel of %q, want RX-1", cmd.PrescriptionID)
		}
	})
}

func FuzzDecodeCatalog(f *testing.F) {
	for _, seed := range []string{
		`{"id": "PR-9", "name": "Dra. Lia", "specialty": "Nephrology", "license": "CRM9", "active": true}`,
		`{"code": "FUR40", "name": "Furosemide", "class": "diuretic"}`,
		`{"specialty": "Nephrology", "medicationClass": "diuretic"}`,
		`{"active": "yes"}`, `{"id": []}`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = decodeCatalog(body, prescriberCommand)
		_, _ = decodeCatalog(body, medicationCommand)
		_, _ = decodeCatalog(body, authorizationCommand)
	})
}
