package app

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// OrderStudy orders an imaging study; its id is generated.
type OrderStudy struct {
	PatientID, EncounterID  string
	Modality, ProcedureCode string
	BodySite                string
	OrderedBy               string // physician id
	OrderedAt               time.Time
}

// OrderStudyHandler handles OrderStudy.
type OrderStudyHandler struct {
	store Store
	now   func() time.Time
}

// Handle orders the study and emits ImagingStudyOrdered (version 1).
func (h OrderStudyHandler) Handle(ctx context.Context, cmd OrderStudy) (Receipt, error) {
	s, err := study.Order(study.OrderInput{
		ID: newStudyID(), PatientID: cmd.PatientID, EncounterID: cmd.EncounterID, Modality: cmd.Modality,
		ProcedureCode: cmd.ProcedureCode, BodySite: cmd.BodySite, OrderedBy: cmd.OrderedBy, OrderedAt: cmd.OrderedAt,
	}, h.now())
	if err != nil {
		return Receipt{}, fmt.Errorf("order imaging study: %w", err)
	}
	ev, err := newEvent(contracts.ImagingStudyOrdered{ImagingStudyState: s.State()}, s.OrderedAt(), s.Version(), RolePhysician, s.OrderedBy(), h.now)
	if err != nil {
		return Receipt{}, fmt.Errorf("order imaging study %s: %w", s.ID(), err)
	}
	if err := h.store.Add(ctx, s, ev); err != nil {
		return Receipt{}, fmt.Errorf("order imaging study %s: %w", s.ID(), err)
	}
	return NewReceipt(ev), nil
}
