package ports

import (
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// The decoders read untrusted bodies: whatever the bytes, they must return
// a command or an error, never panic; nor may the validation of whatever
// they decode. The seeds run as normal tests; `go test -fuzz FuzzDecodeResult`
// explores further.

var orderedAt = time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)

// potassiumOrder is an order of one potassium test, with a final result
// when final is set.
func potassiumOrder(t *testing.T, final bool) *laborder.Order {
	t.Helper()
	o, err := laborder.Place("LO-1", laborder.PlaceRequest{PatientID: "P-1", EncounterID: "E-1", OrderedBy: "PR-1",
		Tests: []laborder.TestRequest{{Code: "2823-3", Name: "Potassium"}}, OrderedAt: orderedAt})
	if err != nil {
		t.Fatal(err)
	}
	if final {
		v := 5.9
		err := o.RecordResult(laborder.ResultRequest{Code: "2823-3", Value: &v, Unit: "mmol/L", Status: "final", Performer: "LAB-7", ResultedAt: orderedAt})
		if err != nil {
			t.Fatal(err)
		}
	}
	return o
}

func FuzzDecodePlace(f *testing.F) {
	for _, seed := range []string{
		`{"patientId": "P-1", "encounterId": "E-1", "tests": [{"code": "718-7", "name": "Hemoglobin"}], "orderedBy": "PR-1", "orderedAt": "2026-03-02T10:30:00Z"}`,
		`{"tests": [{"code": "99999999-9"}, {"code": "-"}, {"code": "7\u00e9-1"}], "orderedAt": "x"}`,
		`{"tests": null}`, `{"tests": {}}`, `{`, ``, `[]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		cmd, _, err := decodePlace(body)
		if err == nil {
			_, _ = laborder.Place("LO-1", cmd.PlaceRequest)
		}
	})
}

func FuzzDecodeResult(f *testing.F) {
	for _, seed := range []string{
		`{"code": "2823-3", "value": 5.9, "unit": "mmol/L", "referenceRange": {"low": 3.5, "high": 5.1}, "status": "final", "performer": "LAB-7", "resultedAt": "2026-03-02T11:30:00Z"}`,
		`{"code": "2823-3", "value": 1e308, "referenceRange": {"low": -1e308}, "interpretation": "HH", "status": "preliminary"}`,
		`{"value": null, "referenceRange": null}`, `{"value": "1"}`, `{"referenceRange": {"low": "a"}}`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		cmd, _, err := decodeResult("LO-1", body)
		if err != nil {
			return
		}
		if cmd.OrderID != "LO-1" {
			t.Fatalf("decoded a result for %q, want LO-1", cmd.OrderID)
		}
		_ = potassiumOrder(t, false).RecordResult(cmd.ResultRequest)
	})
}

func FuzzDecodeCorrection(f *testing.F) {
	for _, seed := range []string{
		`{"value": 4.2, "unit": "mmol/L", "reason": "Hemolyzed", "correctedBy": "LAB-9", "correctedAt": "2026-03-02T12:10:00Z"}`,
		`{"value": -0, "correctedAt": "2026-03-02T12:10:00+25:00"}`, `{"value": []}`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		cmd, _, err := decodeCorrection("LO-1", "2823-3", body)
		if err != nil {
			return
		}
		_ = potassiumOrder(t, true).CorrectResult(cmd.Code, cmd.CorrectionRequest)
	})
}
