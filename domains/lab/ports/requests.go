package ports

import (
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
	"github.com/prontuario/prontuario/internal/httpx"
)

type placeBody struct {
	PatientID   string     `json:"patientId"`
	EncounterID string     `json:"encounterId"`
	Tests       []testBody `json:"tests"`
	OrderedBy   string     `json:"orderedBy"`
	OrderedAt   string     `json:"orderedAt"`
}

type testBody struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// decodePlace reads a place-order command strictly; a malformed body is a
// *httpx.Problem.
func decodePlace(body []byte) (app.PlaceLabOrder, times, error) {
	var b placeBody
	if err := httpx.Decode(body, &b); err != nil {
		return app.PlaceLabOrder{}, nil, err
	}
	ts := times{}
	cmd := app.PlaceLabOrder{PlaceRequest: laborder.PlaceRequest{
		PatientID:   b.PatientID,
		EncounterID: b.EncounterID,
		OrderedBy:   b.OrderedBy,
		OrderedAt:   ts.parse("orderedAt", b.OrderedAt),
	}}
	for _, t := range b.Tests {
		cmd.Tests = append(cmd.Tests, laborder.TestRequest(t))
	}
	return cmd, ts, nil
}

type resultBody struct {
	Code           string   `json:"code"`
	Value          *float64 `json:"value"`
	Unit           string   `json:"unit"`
	ReferenceRange *struct {
		Low  *float64 `json:"low"`
		High *float64 `json:"high"`
	} `json:"referenceRange"`
	Interpretation string `json:"interpretation"`
	Status         string `json:"status"`
	Performer      string `json:"performer"`
	ResultedAt     string `json:"resultedAt"`
}

// decodeResult reads a record-result command for order id.
func decodeResult(id string, body []byte) (app.RecordLabResult, times, error) {
	var b resultBody
	if err := httpx.Decode(body, &b); err != nil {
		return app.RecordLabResult{}, nil, err
	}
	ts := times{}
	cmd := app.RecordLabResult{OrderID: id, ResultRequest: laborder.ResultRequest{
		Code:           b.Code,
		Value:          b.Value,
		Unit:           b.Unit,
		Interpretation: b.Interpretation,
		Status:         b.Status,
		Performer:      b.Performer,
		ResultedAt:     ts.parse("resultedAt", b.ResultedAt),
	}}
	if b.ReferenceRange != nil {
		cmd.ReferenceRange = contracts.ReferenceRange{Low: b.ReferenceRange.Low, High: b.ReferenceRange.High}
	}
	return cmd, ts, nil
}

type correctBody struct {
	Value       *float64 `json:"value"`
	Unit        string   `json:"unit"`
	Reason      string   `json:"reason"`
	CorrectedBy string   `json:"correctedBy"`
	CorrectedAt string   `json:"correctedAt"`
}

// decodeCorrection reads a correction of the result of test code in order
// id.
func decodeCorrection(id, code string, body []byte) (app.CorrectLabResult, times, error) {
	var b correctBody
	if err := httpx.Decode(body, &b); err != nil {
		return app.CorrectLabResult{}, nil, err
	}
	ts := times{}
	return app.CorrectLabResult{OrderID: id, Code: code, CorrectionRequest: laborder.CorrectionRequest{
		Value:       b.Value,
		Unit:        b.Unit,
		Reason:      b.Reason,
		CorrectedBy: b.CorrectedBy,
		CorrectedAt: ts.parse("correctedAt", b.CorrectedAt),
	}}, ts, nil
}
