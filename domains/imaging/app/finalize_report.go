package app

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// FinalizeReport finalizes the radiologist's report of a performed study.
type FinalizeReport struct {
	StudyID string
	Report  study.ReportInput
}

// FinalizeReportHandler handles FinalizeReport.
type FinalizeReportHandler struct {
	store Store
	now   func() time.Time
}

// Handle finalizes the report and emits ImagingReportFinalized.
func (h FinalizeReportHandler) Handle(ctx context.Context, cmd FinalizeReport) (Receipt, error) {
	rc, err := update(ctx, h.store, cmd.StudyID, h.now, func(s *study.Study) (act, error) {
		if err := s.FinalizeReport(cmd.Report, h.now()); err != nil {
			return act{}, err
		}
		r, _ := s.Report()
		return act{payload: contracts.ImagingReportFinalized{ImagingStudyState: s.State()}, at: r.FinalizedAt(), role: RoleRadiologist, who: r.Radiologist()}, nil
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("finalize report of imaging study %s: %w", cmd.StudyID, err)
	}
	return rc, nil
}
