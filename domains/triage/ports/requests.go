package ports

import (
	"github.com/prontuario/prontuario/domains/triage/app"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
	"github.com/prontuario/prontuario/internal/httpx"
)

type openEncounterRequest struct {
	EncounterID string `json:"encounterId"`
	Patient     struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		BirthDate string `json:"birthDate"`
		Sex       string `json:"sex"`
	} `json:"patient"`
	ArrivedAt    string `json:"arrivedAt"`
	Reason       string `json:"reason"`
	RegisteredBy string `json:"registeredBy"`
}

func decodeOpenEncounter(body []byte) (app.OpenEncounter, error) {
	var req openEncounterRequest
	if err := httpx.Decode(body, &req); err != nil {
		return app.OpenEncounter{}, err
	}
	var f fields
	cmd := app.OpenEncounter{
		EncounterID:  req.EncounterID,
		Patient:      encounter.PatientInput{ID: req.Patient.ID, Name: req.Patient.Name, BirthDate: req.Patient.BirthDate, Sex: req.Patient.Sex},
		ArrivedAt:    f.time("arrivedAt", req.ArrivedAt),
		Reason:       req.Reason,
		RegisteredBy: req.RegisteredBy,
	}
	return cmd, f.err()
}

type recordTriageRequest struct {
	Acuity         *int   `json:"acuity"`
	ChiefComplaint string `json:"chiefComplaint"`
	Vitals         *struct {
		HeartRate       *int     `json:"heartRate"`
		Systolic        *int     `json:"systolic"`
		Diastolic       *int     `json:"diastolic"`
		RespiratoryRate *int     `json:"respiratoryRate"`
		TemperatureC    *float64 `json:"temperatureC"`
		SpO2            *int     `json:"spo2"`
		PainScore       *int     `json:"painScore"`
	} `json:"vitals"`
	NurseID    string `json:"nurseId"`
	AssessedAt string `json:"assessedAt"`
}

func decodeRecordTriage(id string, body []byte) (app.RecordTriage, error) {
	var req recordTriageRequest
	if err := httpx.Decode(body, &req); err != nil {
		return app.RecordTriage{}, err
	}
	var f fields
	a := encounter.AssessmentInput{
		Acuity:         f.int("acuity", req.Acuity),
		ChiefComplaint: req.ChiefComplaint,
		NurseID:        req.NurseID,
		AssessedAt:     f.time("assessedAt", req.AssessedAt),
	}
	if v := req.Vitals; v == nil {
		f.add("vitals", "is required")
	} else {
		a.Vitals = encounter.VitalsInput{
			HeartRate:       f.int("vitals.heartRate", v.HeartRate),
			Systolic:        f.int("vitals.systolic", v.Systolic),
			Diastolic:       f.int("vitals.diastolic", v.Diastolic),
			RespiratoryRate: f.int("vitals.respiratoryRate", v.RespiratoryRate),
			TemperatureC:    f.float("vitals.temperatureC", v.TemperatureC),
			SpO2:            f.int("vitals.spo2", v.SpO2),
			PainScore:       f.int("vitals.painScore", v.PainScore),
		}
	}
	return app.RecordTriage{EncounterID: id, Assessment: a}, f.err()
}

type closeEncounterRequest struct {
	Disposition string `json:"disposition"`
	ClosedAt    string `json:"closedAt"`
	ClosedBy    string `json:"closedBy"`
}

func decodeCloseEncounter(id string, body []byte) (app.CloseEncounter, error) {
	var req closeEncounterRequest
	if err := httpx.Decode(body, &req); err != nil {
		return app.CloseEncounter{}, err
	}
	var f fields
	in := encounter.CloseInput{Disposition: req.Disposition, ClosedAt: f.time("closedAt", req.ClosedAt), ClosedBy: req.ClosedBy}
	return app.CloseEncounter{EncounterID: id, Close: in}, f.err()
}
