package app

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// RecordPerformed records that a study was acquired.
type RecordPerformed struct {
	StudyID string
	Perform study.PerformInput
}

// RecordPerformedHandler handles RecordPerformed.
type RecordPerformedHandler struct {
	store Store
	now   func() time.Time
}

// Handle records the acquisition and emits ImagingStudyPerformed.
func (h RecordPerformedHandler) Handle(ctx context.Context, cmd RecordPerformed) (Receipt, error) {
	rc, err := update(ctx, h.store, cmd.StudyID, h.now, func(s *study.Study) (act, error) {
		if err := s.Perform(cmd.Perform, h.now()); err != nil {
			return act{}, err
		}
		return act{payload: contracts.ImagingStudyPerformed{ImagingStudyState: s.State()}, at: s.PerformedAt(), role: RoleTechnologist, who: s.Technologist()}, nil
	})
	if err != nil {
		return Receipt{}, fmt.Errorf("record acquisition of imaging study %s: %w", cmd.StudyID, err)
	}
	return rc, nil
}
