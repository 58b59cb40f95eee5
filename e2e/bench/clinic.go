package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Clinic sends commands to the four domain services over HTTP, as the
// hospital's systems do. Its methods are safe for concurrent use.
type Clinic struct {
	// Triage, Prescription, Lab and Imaging are the services' base URLs.
	Triage, Prescription, Lab, Imaging string
	Client                             *http.Client
}

// accepted is a service's answer to an accepted command.
type accepted struct {
	ID      string `json:"id"`
	EventID string `json:"eventId"`
}

// post sends one command and returns the answer of a 2xx.
func (c Clinic) post(ctx context.Context, url string, body any) (accepted, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return accepted{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(raw))
	if err != nil {
		return accepted{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Client.Do(req)
	if err != nil {
		return accepted{}, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return accepted{}, fmt.Errorf("POST %s: read answer: %w", url, err)
	}
	if resp.StatusCode/100 != 2 {
		return accepted{}, fmt.Errorf("POST %s: %d %.300s", url, resp.StatusCode, answer)
	}
	var a accepted
	if err := json.Unmarshal(answer, &a); err != nil {
		return accepted{}, fmt.Errorf("POST %s: answer %.300s: %w", url, answer, err)
	}
	return a, nil
}

// RegisterFormulary registers the prescriber and medications visits use;
// registering them again is harmless.
func (c Clinic) RegisterFormulary(ctx context.Context) error {
	var errs []error
	for _, cmd := range []struct {
		path string
		body map[string]any
	}{
		{"/v1/prescribers", map[string]any{"id": "BENCH-PR-1", "name": "Dra. Helena Prado", "specialty": "Emergency Medicine", "license": "CRM-SP 104233", "active": true}},
		{"/v1/medications", map[string]any{"code": "BENCH-ASA100", "name": "Aspirin 100 mg", "class": "antiplatelet"}},
		{"/v1/medications", map[string]any{"code": "BENCH-PCM500", "name": "Paracetamol 500 mg", "class": "analgesic"}},
		{"/v1/authorizations", map[string]any{"specialty": "Emergency Medicine", "medicationClass": "antiplatelet"}},
		{"/v1/authorizations", map[string]any{"specialty": "Emergency Medicine", "medicationClass": "analgesic"}},
	} {
		if _, err := c.post(ctx, c.Prescription+cmd.path, cmd.body); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Visit runs one whole encounter of the patient through the four services
// (10 commands: open, triage, a prescription of two medications, a lab
// order with two results, an imaging study performed and reported, close)
// and returns the id of the last event.
func (c Clinic) Visit(ctx context.Context, patientID, encounterID string, arrived time.Time) (string, error) {
	v := &visit{ctx: ctx, c: c, clock: arrived}
	enc := c.Triage + "/v1/encounters/" + encounterID
	v.do(c.Triage+"/v1/encounters", map[string]any{"encounterId": encounterID, "arrivedAt": v.at(), "reason": "Chest pain since the morning",
		"patient": map[string]any{"id": patientID, "name": "Maria Oliveira", "birthDate": "1985-07-10", "sex": "female"}})
	v.do(enc+"/triage", map[string]any{"acuity": 2, "chiefComplaint": "Chest pain", "nurseId": "N-17", "assessedAt": v.at(),
		"vitals": map[string]any{"heartRate": 96, "systolic": 142, "diastolic": 88, "respiratoryRate": 18, "temperatureC": 37.2, "spo2": 97, "painScore": 6}})
	v.do(c.Prescription+"/v1/prescriptions", map[string]any{"patientId": patientID, "encounterId": encounterID, "prescriberId": "BENCH-PR-1", "issuedAt": v.at(),
		"items": []map[string]any{{"medicationCode": "BENCH-ASA100", "dose": "100 mg", "route": "oral", "frequency": "once daily"},
			{"medicationCode": "BENCH-PCM500", "dose": "500 mg", "route": "oral", "frequency": "every 8 hours"}}})
	order := c.Lab + "/v1/lab-orders/" + v.do(c.Lab+"/v1/lab-orders", map[string]any{"patientId": patientID, "encounterId": encounterID,
		"orderedBy": "BENCH-PR-1", "orderedAt": v.at(), "tests": []map[string]any{{"code": "718-7", "name": "Hemoglobin"}, {"code": "2823-3", "name": "Potassium"}}}).ID
	v.do(order+"/results", map[string]any{"code": "718-7", "value": 13.1, "unit": "g/dL", "referenceRange": map[string]any{"low": 12, "high": 16},
		"status": "final", "performer": "LAB-7", "resultedAt": v.at()})
	v.do(order+"/results", map[string]any{"code": "2823-3", "value": 4.4, "unit": "mmol/L", "referenceRange": map[string]any{"low": 3.5, "high": 5.1},
		"status": "final", "performer": "LAB-7", "resultedAt": v.at()})
	study := c.Imaging + "/v1/imaging-studies/" + v.do(c.Imaging+"/v1/imaging-studies", map[string]any{"patientId": patientID, "encounterId": encounterID,
		"modality": "CT", "procedureCode": "CTCHEST", "bodySite": "Chest", "orderedBy": "BENCH-PR-1", "orderedAt": v.at()}).ID
	v.do(study+"/performed", map[string]any{"studyInstanceUid": fmt.Sprintf("1.2.840.113619.2.55.3.%d", arrived.Unix()), "technologist": "T-3", "performedAt": v.at()})
	v.do(study+"/report", map[string]any{"findings": "No pulmonary embolism.", "impression": "Normal CT of the chest.", "radiologist": "RAD-2", "finalizedAt": v.at()})
	last := v.do(enc+"/close", map[string]any{"disposition": "discharged", "closedAt": v.at()})
	return last.EventID, v.err
}

// visit sends the commands of one encounter in order, stopping at the first
// failure.
type visit struct {
	ctx   context.Context
	c     Clinic
	clock time.Time
	err   error
}

// at is the clinical time of the next step.
func (v *visit) at() string {
	v.clock = v.clock.Add(5 * time.Minute)
	return v.clock.UTC().Format(time.RFC3339)
}

// do sends a command unless an earlier one failed.
func (v *visit) do(url string, body map[string]any) accepted {
	if v.err != nil {
		return accepted{}
	}
	a, err := v.c.post(v.ctx, url, body)
	v.err = err
	return a
}
