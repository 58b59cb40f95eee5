package app

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// AmendReport amends a finalized report.
type AmendReport struct {
	StudyID string
	Amend   study.AmendInput
}

// AmendReportHandler handles AmendReport.
type AmendReportHandler struct {
	store Store
	now   func() time.Time
}

// Handle amends the report and emits ImagingReportAmended.
func (h AmendReportHandler) Handle(ctx context.Context, cmd AmendReport) (Receipt, error) {
	rc, err := update(ctx, h.store, cmd.StudyID, h.now, func(s *study.Study) (act, error) {
		if err := s.AmendReport(cmd.Amend, h.now()); err != nil {
			return act{}, err
		}
		r, _ := s.Report()
		a, _ := r.LastAmendment()
		return act{payload: contracts.ImagingReportAmended{ImagingStudyState: s.State()}, at: a.AmendedAt(), role: RoleRadiologist, who: a.Radiologist()}, nil
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("amend report of imaging study %s: %w", cmd.StudyID, err)
	}
	return rc, nil
}
