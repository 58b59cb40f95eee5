package simulate

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// journey is one patient's visit, step by step, with realistic times that
// never lie in the future.
type journey struct {
	c   *client
	cfg Config
	rng *rand.Rand
	now time.Time // clinical clock of this visit
}

func (j *journey) step() time.Time {
	j.now = j.now.Add(time.Duration(2+j.rng.IntN(10)) * time.Minute)
	return j.now
}

func (j *journey) pick(list []string) string { return list[j.rng.IntN(len(list))] }

func (j *journey) ts() string { return j.step().UTC().Format(time.RFC3339) }

// run walks the patient through the hospital; the first refused or failed
// command ends the journey with its error.
func (j *journey) run(ctx context.Context) error {
	patientID := fmt.Sprintf("P-%08x", j.rng.Uint32())
	name := j.pick(givenNames) + " " + j.pick(familyNames) + " " + j.pick(familyNames)
	birth := time.Date(1930+j.rng.IntN(90), time.Month(1+j.rng.IntN(12)), 1+j.rng.IntN(28), 0, 0, 0, 0, time.UTC)
	sex := []string{"female", "male"}[j.rng.IntN(2)]
	complaint := j.pick(complaints)
	enc, err := j.c.postFor(ctx, patientID, "", "OpenEncounter", j.cfg.TriageURL+"/v1/encounters", map[string]any{
		"patient":   map[string]any{"id": patientID, "name": name, "birthDate": birth.Format("2006-01-02"), "sex": sex},
		"arrivedAt": j.ts(), "reason": complaint,
	})
	if err != nil {
		return err
	}
	if _, err := j.c.postFor(ctx, patientID, enc.ID, "RecordTriage", j.cfg.TriageURL+"/v1/encounters/"+enc.ID+"/triage", map[string]any{
		"acuity": 2 + j.rng.IntN(4), "chiefComplaint": complaint, "nurseId": j.pick(nurses), "assessedAt": j.ts(),
		"vitals": map[string]any{"heartRate": 60 + j.rng.IntN(50), "systolic": 100 + j.rng.IntN(60), "diastolic": 60 + j.rng.IntN(30),
			"respiratoryRate": 12 + j.rng.IntN(12), "temperatureC": math.Round((36+j.rng.Float64()*3)*10) / 10, "spo2": 90 + j.rng.IntN(10), "painScore": j.rng.IntN(11)},
	}); err != nil {
		return err
	}
	if err := j.prescribe(ctx, patientID, enc.ID); err != nil {
		return err
	}
	if err := j.lab(ctx, patientID, enc.ID); err != nil {
		return err
	}
	if j.rng.IntN(2) == 0 {
		if err := j.imaging(ctx, patientID, enc.ID); err != nil {
			return err
		}
	}
	_, err = j.c.postFor(ctx, patientID, enc.ID, "CloseEncounter", j.cfg.TriageURL+"/v1/encounters/"+enc.ID+"/close", map[string]any{
		"disposition": j.pick(dispositions), "closedAt": j.ts(),
	})
	return err
}

func (j *journey) prescribe(ctx context.Context, patientID, encounterID string) error {
	pr := prescribers[j.rng.IntN(len(prescribers))]
	var items []map[string]any
	for _, m := range medications {
		if allowed(pr.Specialty, m.Class) && j.rng.IntN(3) == 0 || len(items) == 0 && m.Class == "analgesic" {
			items = append(items, map[string]any{"medicationCode": m.Code, "dose": m.Dose, "route": m.Route, "frequency": m.Frequency})
		}
	}
	rx, err := j.c.postFor(ctx, patientID, encounterID, "IssuePrescription", j.cfg.PrescriptionURL+"/v1/prescriptions", map[string]any{
		"patientId": patientID, "encounterId": encounterID, "prescriberId": pr.ID, "items": items, "issuedAt": j.ts(),
	})
	if err != nil || j.rng.IntN(10) != 0 {
		return err
	}
	_, err = j.c.postFor(ctx, patientID, encounterID, "CancelPrescription", j.cfg.PrescriptionURL+"/v1/prescriptions/"+rx.ID+"/cancel", map[string]any{
		"reason": "Allergy reported by the patient", "cancelledBy": pr.ID, "cancelledAt": j.ts(),
	})
	return err
}

func allowed(specialty, class string) bool {
	for _, a := range authorizations {
		if a.Specialty == specialty && a.Class == class {
			return true
		}
	}
	return false
}

func (j *journey) lab(ctx context.Context, patientID, encounterID string) error {
	tests := append([]labTest(nil), labTests...)
	j.rng.Shuffle(len(tests), func(a, b int) { tests[a], tests[b] = tests[b], tests[a] })
	tests = tests[:1+j.rng.IntN(3)]
	var ordered []map[string]any
	for _, t := range tests {
		ordered = append(ordered, map[string]any{"code": t.Code, "name": t.Name})
	}
	order, err := j.c.postFor(ctx, patientID, encounterID, "PlaceLabOrder", j.cfg.LabURL+"/v1/lab-orders", map[string]any{
		"patientId": patientID, "encounterId": encounterID, "tests": ordered, "orderedBy": prescribers[0].ID, "orderedAt": j.ts(),
	})
	if err != nil {
		return err
	}
	for _, t := range tests {
		value := math.Round((t.Low+(t.High-t.Low)*(j.rng.Float64()*1.6-0.3))*100) / 100
		if _, err := j.c.postFor(ctx, patientID, encounterID, "RecordLabResult", j.cfg.LabURL+"/v1/lab-orders/"+order.ID+"/results", map[string]any{
			"code": t.Code, "value": value, "unit": t.Unit, "referenceRange": map[string]any{"low": t.Low, "high": t.High},
			"status": "final", "performer": j.pick(labStaff), "resultedAt": j.ts(),
		}); err != nil {
			return err
		}
		if j.rng.IntN(5) == 0 {
			if _, err := j.c.postFor(ctx, patientID, encounterID, "CorrectLabResult", j.cfg.LabURL+"/v1/lab-orders/"+order.ID+"/results/"+t.Code+"/correct", map[string]any{
				"value": math.Round((t.Low+t.High)/2*100) / 100, "unit": t.Unit, "reason": "Sample hemolyzed; redrawn", "correctedBy": j.pick(labStaff), "correctedAt": j.ts(),
			}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (j *journey) imaging(ctx context.Context, patientID, encounterID string) error {
	s := studies[j.rng.IntN(len(studies))]
	st, err := j.c.postFor(ctx, patientID, encounterID, "OrderImagingStudy", j.cfg.ImagingURL+"/v1/imaging-studies", map[string]any{
		"patientId": patientID, "encounterId": encounterID, "modality": s.Modality, "procedureCode": s.Procedure,
		"bodySite": s.BodySite, "orderedBy": prescribers[0].ID, "orderedAt": j.ts(),
	})
	if err != nil {
		return err
	}
	uid := fmt.Sprintf("1.2.840.113619.2.55.3.%d.%d", j.rng.Uint32(), j.rng.Uint32())
	if _, err := j.c.postFor(ctx, patientID, encounterID, "PerformImagingStudy", j.cfg.ImagingURL+"/v1/imaging-studies/"+st.ID+"/performed", map[string]any{
		"studyInstanceUid": uid, "technologist": j.pick(technicians), "performedAt": j.ts(),
	}); err != nil {
		return err
	}
	rad := j.pick(radiologist)
	if _, err := j.c.postFor(ctx, patientID, encounterID, "FinalizeImagingReport", j.cfg.ImagingURL+"/v1/imaging-studies/"+st.ID+"/report", map[string]any{
		"findings": s.Findings, "impression": s.Impression, "radiologist": rad, "finalizedAt": j.ts(),
	}); err != nil {
		return err
	}
	if j.rng.IntN(10) != 0 {
		return nil
	}
	_, err = j.c.postFor(ctx, patientID, encounterID, "AmendImagingReport", j.cfg.ImagingURL+"/v1/imaging-studies/"+st.ID+"/report/amend", map[string]any{
		"impression": s.Impression + " Addendum: compared with prior study, unchanged.", "reason": "Comparison with prior study", "radiologist": rad, "amendedAt": j.ts(),
	})
	return err
}
