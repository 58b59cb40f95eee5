package ports

import (
	"github.com/prontuario/prontuario/domains/imaging/app"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
	"github.com/prontuario/prontuario/internal/httpx"
)

type orderStudyRequest struct {
	PatientID     string `json:"patientId"`
	EncounterID   string `json:"encounterId"`
	Modality      string `json:"modality"`
	ProcedureCode string `json:"procedureCode"`
	BodySite      string `json:"bodySite"`
	OrderedBy     string `json:"orderedBy"`
	OrderedAt     string `json:"orderedAt"`
}

func decodeOrderStudy(body []byte) (app.OrderStudy, error) {
	var req orderStudyRequest
	if err := httpx.Decode(body, &req); err != nil {
		return app.OrderStudy{}, err
	}
	var f fields
	cmd := app.OrderStudy{
		PatientID: req.PatientID, EncounterID: req.EncounterID, Modality: req.Modality, ProcedureCode: req.ProcedureCode,
		BodySite: req.BodySite, OrderedBy: req.OrderedBy, OrderedAt: f.time("orderedAt", req.OrderedAt),
	}
	return cmd, f.err()
}

type performedRequest struct {
	StudyInstanceUID string `json:"studyInstanceUid"`
	Technologist     string `json:"technologist"`
	PerformedAt      string `json:"performedAt"`
}

func decodeRecordPerformed(id string, body []byte) (app.RecordPerformed, error) {
	var req performedRequest
	if err := httpx.Decode(body, &req); err != nil {
		return app.RecordPerformed{}, err
	}
	var f fields
	in := study.PerformInput{StudyInstanceUID: req.StudyInstanceUID, Technologist: req.Technologist, PerformedAt: f.time("performedAt", req.PerformedAt)}
	return app.RecordPerformed{StudyID: id, Perform: in}, f.err()
}

type reportRequest struct {
	Findings    string `json:"findings"`
	Impression  string `json:"impression"`
	Radiologist string `json:"radiologist"`
	FinalizedAt string `json:"finalizedAt"`
}

func decodeFinalizeReport(id string, body []byte) (app.FinalizeReport, error) {
	var req reportRequest
	if err := httpx.Decode(body, &req); err != nil {
		return app.FinalizeReport{}, err
	}
	var f fields
	in := study.ReportInput{Findings: req.Findings, Impression: req.Impression, Radiologist: req.Radiologist, FinalizedAt: f.time("finalizedAt", req.FinalizedAt)}
	return app.FinalizeReport{StudyID: id, Report: in}, f.err()
}

type amendRequest struct {
	// Findings and Impression are optional: absent keeps the current text.
	Findings    *string `json:"findings"`
	Impression  *string `json:"impression"`
	Reason      string  `json:"reason"`
	Radiologist string  `json:"radiologist"`
	AmendedAt   string  `json:"amendedAt"`
}

func decodeAmendReport(id string, body []byte) (app.AmendReport, error) {
	var req amendRequest
	if err := httpx.Decode(body, &req); err != nil {
		return app.AmendReport{}, err
	}
	var f fields
	in := study.AmendInput{Findings: req.Findings, Impression: req.Impression, Reason: req.Reason, Radiologist: req.Radiologist,
		AmendedAt: f.time("amendedAt", req.AmendedAt)}
	return app.AmendReport{StudyID: id, Amend: in}, f.err()
}
