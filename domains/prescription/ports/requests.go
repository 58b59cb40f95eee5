package ports

import (
	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
	"github.com/prontuario/prontuario/internal/httpx"
)

type issueBody struct {
	PatientID    string     `json:"patientId"`
	EncounterID  string     `json:"encounterId"`
	PrescriberID string     `json:"prescriberId"`
	Items        []itemBody `json:"items"`
	IssuedAt     string     `json:"issuedAt"`
}

type itemBody struct {
	MedicationCode string   `json:"medicationCode"`
	Dose           string   `json:"dose"`
	Route          string   `json:"route"`
	Frequency      string   `json:"frequency"`
	Times          []string `json:"times"`
}

// decodeIssue reads an issue command strictly; a malformed body is a
// *httpx.Problem.
func decodeIssue(body []byte) (app.IssuePrescription, times, error) {
	var b issueBody
	if err := httpx.Decode(body, &b); err != nil {
		return app.IssuePrescription{}, nil, err
	}
	ts := times{}
	cmd := app.IssuePrescription{IssueRequest: prescription.IssueRequest{
		PatientID:    b.PatientID,
		EncounterID:  b.EncounterID,
		PrescriberID: b.PrescriberID,
		IssuedAt:     ts.parse("issuedAt", b.IssuedAt),
	}}
	for _, it := range b.Items {
		cmd.Items = append(cmd.Items, prescription.ItemRequest(it))
	}
	return cmd, ts, nil
}

type cancelBody struct {
	Reason      string `json:"reason"`
	CancelledBy string `json:"cancelledBy"`
	CancelledAt string `json:"cancelledAt"`
}

// decodeCancel reads a cancel command for prescription id.
func decodeCancel(id string, body []byte) (app.CancelPrescription, times, error) {
	var b cancelBody
	if err := httpx.Decode(body, &b); err != nil {
		return app.CancelPrescription{}, nil, err
	}
	ts := times{}
	return app.CancelPrescription{PrescriptionID: id, CancelRequest: prescription.CancelRequest{
		Reason:      b.Reason,
		CancelledBy: b.CancelledBy,
		CancelledAt: ts.parse("cancelledAt", b.CancelledAt),
	}}, ts, nil
}

type prescriberBody struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Specialty string `json:"specialty"`
	License   string `json:"license"`
	Active    *bool  `json:"active"`
}

type medicationBody struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Class string `json:"class"`
}

type authorizationBody struct {
	Specialty       string `json:"specialty"`
	MedicationClass string `json:"medicationClass"`
}

// decodeCatalog reads an admin command body into one of the *Body types
// above and converts it to its command.
func decodeCatalog[B, C any](body []byte, convert func(B) C) (C, error) {
	var b B
	if err := httpx.Decode(body, &b); err != nil {
		var zero C
		return zero, err
	}
	return convert(b), nil
}

func prescriberCommand(b prescriberBody) app.RegisterPrescriber { return app.RegisterPrescriber(b) }

func medicationCommand(b medicationBody) app.AddMedication { return app.AddMedication(b) }

func authorizationCommand(b authorizationBody) app.AuthorizeSpecialty {
	return app.AuthorizeSpecialty(b)
}
