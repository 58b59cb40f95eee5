package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// StudyHandler reads one study.
type StudyHandler struct {
	store Store
}

// Handle returns the study, or an error wrapping study.ErrNotFound.
func (h StudyHandler) Handle(ctx context.Context, id string) (*study.Study, error) {
	s, err := h.store.Study(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get imaging study %s: %w", id, err)
	}
	return s, nil
}

// PatientStudiesHandler lists a patient's studies.
type PatientStudiesHandler struct {
	store Store
}

// Handle returns the patient's studies by order time; an unknown patient
// has none.
func (h PatientStudiesHandler) Handle(ctx context.Context, patientID string) ([]*study.Study, error) {
	ss, err := h.store.PatientStudies(ctx, patientID)
	if err != nil {
		return nil, fmt.Errorf("list imaging studies of patient %s: %w", patientID, err)
	}
	return ss, nil
}
