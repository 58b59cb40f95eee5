package study

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// State is the study's full state as its events carry it.
func (s *Study) State() contracts.ImagingStudyState {
	st := contracts.ImagingStudyState{
		PatientID: s.patientID, EncounterID: s.encounterID, StudyID: s.id, Status: s.status,
		Modality: s.modality, ProcedureCode: s.procedureCode, BodySite: s.bodySite,
		OrderedBy: s.orderedBy, OrderedAt: s.orderedAt,
		StudyInstanceUID: s.studyInstanceUID, Technologist: s.technologist,
	}
	if !s.performedAt.IsZero() {
		at := s.performedAt
		st.PerformedAt = &at
	}
	if r := s.report; r != nil {
		rs := &contracts.ImagingReport{
			Findings: r.findings, Impression: r.impression, Radiologist: r.radiologist,
			Status: r.status, FinalizedAt: r.finalizedAt,
		}
		for _, a := range r.amendments {
			rs.Amendments = append(rs.Amendments, contracts.ImagingAmendment{
				PreviousFindings: a.previousFindings, PreviousImpression: a.previousImpression,
				Reason: a.reason, Radiologist: a.radiologist, AmendedAt: a.amendedAt,
			})
		}
		st.Report = rs
	}
	return st
}

// Restore rebuilds a study from its stored state and version, re-checking
// the order and the consistency of status, acquisition and report.
func Restore(st contracts.ImagingStudyState, version int64) (*Study, error) {
	s, err := Order(OrderInput{
		ID: st.StudyID, PatientID: st.PatientID, EncounterID: st.EncounterID, Modality: st.Modality,
		ProcedureCode: st.ProcedureCode, BodySite: st.BodySite, OrderedBy: st.OrderedBy, OrderedAt: st.OrderedAt,
	}, time.Time{})
	if err != nil {
		return nil, fmt.Errorf("restore imaging study %s: %w", st.StudyID, err)
	}
	s.status, s.studyInstanceUID, s.technologist, s.version = st.Status, st.StudyInstanceUID, st.Technologist, version
	if st.PerformedAt != nil {
		s.performedAt = st.PerformedAt.UTC()
	}
	if r := st.Report; r != nil {
		s.report = &Report{findings: r.Findings, impression: r.Impression, radiologist: r.Radiologist, status: r.Status, finalizedAt: r.FinalizedAt.UTC()}
		for _, a := range r.Amendments {
			s.report.amendments = append(s.report.amendments, Amendment{
				previousFindings: a.PreviousFindings, previousImpression: a.PreviousImpression,
				reason: a.Reason, radiologist: a.Radiologist, amendedAt: a.AmendedAt.UTC(),
			})
		}
	}
	performed, reported := !s.performedAt.IsZero(), s.report != nil
	consistent := version >= 1 && (s.status == StatusOrdered && !performed && !reported ||
		s.status == StatusPerformed && performed && !reported ||
		s.status == StatusReported && performed && reported)
	if !consistent {
		return nil, fmt.Errorf("restore imaging study %s: inconsistent state (status %q, version %d)", st.StudyID, st.Status, version)
	}
	return s, nil
}
