package e2e

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/harness"
)

var serial atomic.Int64

// uniqueID returns an id no other test of this run uses.
func uniqueID(prefix string) string {
	return fmt.Sprintf("%s-%d-%d", prefix, time.Now().UnixNano()%1e9, serial.Add(1))
}

// visit drives one patient's encounter through the services and keeps what
// the services accepted.
type visit struct {
	h           *harness.Hospital
	PatientID   string
	EncounterID string
	// Events are the ids of every event the services accepted, in order.
	Events []string
	base   time.Time
	step   int
}

func newVisit(h *harness.Hospital) *visit {
	return &visit{h: h, PatientID: uniqueID("P"), EncounterID: uniqueID("E"), base: time.Now().Add(-3 * time.Hour).UTC().Truncate(time.Second)}
}

// at returns the next clinical time of the visit.
func (v *visit) at() string {
	v.step++
	return v.base.Add(time.Duration(v.step) * 5 * time.Minute).Format(time.RFC3339)
}

func (v *visit) do(t *testing.T, service, path string, body any) harness.Accepted {
	t.Helper()
	a := v.h.MustCommand(t, service, path, body)
	v.Events = append(v.Events, a.EventID)
	return a
}

// registerFormulary makes sure the prescriber and medications the visits use exist.
func registerFormulary(t *testing.T, h *harness.Hospital) {
	t.Helper()
	for _, c := range []struct {
		path string
		body map[string]any
	}{
		{"/v1/prescribers", map[string]any{"id": "E2E-PR-1", "name": "Dra. Helena Prado", "specialty": "Emergency Medicine", "license": "CRM-SP 104233", "active": true}},
		{"/v1/medications", map[string]any{"code": "E2E-ASA100", "name": "Aspirin 100 mg", "class": "antiplatelet"}},
		{"/v1/medications", map[string]any{"code": "E2E-PCM500", "name": "Paracetamol 500 mg", "class": "analgesic"}},
		{"/v1/authorizations", map[string]any{"specialty": "Emergency Medicine", "medicationClass": "antiplatelet"}},
		{"/v1/authorizations", map[string]any{"specialty": "Emergency Medicine", "medicationClass": "analgesic"}},
	} {
		status, raw := h.Command(t, "prescription", c.path, c.body)
		if status/100 != 2 {
			t.Fatalf("register %s: %d %s", c.path, status, raw)
		}
	}
}

func (v *visit) open(t *testing.T) {
	v.do(t, "triage", "/v1/encounters", map[string]any{
		"encounterId": v.EncounterID,
		"patient":     map[string]any{"id": v.PatientID, "name": "Maria Oliveira", "birthDate": "1985-07-10", "sex": "female"},
		"arrivedAt":   v.at(), "reason": "Chest pain since the morning",
	})
}

func (v *visit) triage(t *testing.T) {
	v.do(t, "triage", "/v1/encounters/"+v.EncounterID+"/triage", map[string]any{
		"acuity": 2, "chiefComplaint": "Chest pain", "nurseId": "N-17", "assessedAt": v.at(),
		"vitals": map[string]any{"heartRate": 96, "systolic": 142, "diastolic": 88, "respiratoryRate": 18, "temperatureC": 37.2, "spo2": 97, "painScore": 6},
	})
}

func (v *visit) prescribe(t *testing.T, code string) harness.Accepted {
	return v.do(t, "prescription", "/v1/prescriptions", map[string]any{
		"patientId": v.PatientID, "encounterId": v.EncounterID, "prescriberId": "E2E-PR-1", "issuedAt": v.at(),
		"items": []map[string]any{{"medicationCode": code, "dose": "1 tablet", "route": "oral", "frequency": "once daily"}},
	})
}

// lab orders hemoglobin and potassium, results both, corrects potassium.
func (v *visit) lab(t *testing.T) string {
	order := v.do(t, "lab", "/v1/lab-orders", map[string]any{
		"patientId": v.PatientID, "encounterId": v.EncounterID, "orderedBy": "E2E-PR-1", "orderedAt": v.at(),
		"tests": []map[string]any{{"code": "718-7", "name": "Hemoglobin"}, {"code": "2823-3", "name": "Potassium"}},
	})
	v.do(t, "lab", "/v1/lab-orders/"+order.ID+"/results", map[string]any{
		"code": "718-7", "value": 13.1, "unit": "g/dL", "referenceRange": map[string]any{"low": 12, "high": 16},
		"status": "final", "performer": "LAB-7", "resultedAt": v.at(),
	})
	v.do(t, "lab", "/v1/lab-orders/"+order.ID+"/results", map[string]any{
		"code": "2823-3", "value": 5.9, "unit": "mmol/L", "referenceRange": map[string]any{"low": 3.5, "high": 5.1},
		"status": "final", "performer": "LAB-7", "resultedAt": v.at(),
	})
	v.do(t, "lab", "/v1/lab-orders/"+order.ID+"/results/2823-3/correct", map[string]any{
		"value": 4.2, "unit": "mmol/L", "reason": "Hemolyzed sample; redrawn", "correctedBy": "LAB-9", "correctedAt": v.at(),
	})
	return order.ID
}

// imaging orders a chest CT, performs it and finalizes its report.
func (v *visit) imaging(t *testing.T) string {
	st := v.do(t, "imaging", "/v1/imaging-studies", map[string]any{
		"patientId": v.PatientID, "encounterId": v.EncounterID, "modality": "CT", "procedureCode": "CTCHEST",
		"bodySite": "Chest", "orderedBy": "E2E-PR-1", "orderedAt": v.at(),
	})
	v.do(t, "imaging", "/v1/imaging-studies/"+st.ID+"/performed", map[string]any{
		"studyInstanceUid": "1.2.840.113619.2.55.3.604688", "technologist": "T-3", "performedAt": v.at(),
	})
	v.do(t, "imaging", "/v1/imaging-studies/"+st.ID+"/report", map[string]any{
		"findings": "No pulmonary embolism.", "impression": "Normal CT of the chest.", "radiologist": "RAD-2", "finalizedAt": v.at(),
	})
	return st.ID
}

// full runs the whole happy-path encounter.
func (v *visit) full(t *testing.T) {
	v.open(t)
	v.triage(t)
	v.prescribe(t, "E2E-ASA100")
	v.prescribe(t, "E2E-PCM500")
	v.lab(t)
	v.imaging(t)
}
