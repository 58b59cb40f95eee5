package app

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// IssuePrescription asks to issue a prescription.
type IssuePrescription struct {
	prescription.IssueRequest
}

// IssuePrescriptionHandler issues prescriptions after checking them against
// the catalog.
type IssuePrescriptionHandler struct {
	formulary FormularyLoader
	store     Prescriptions
	now       Clock
}

// NewIssuePrescriptionHandler returns a handler that checks prescriptions
// against formulary and stores them in store.
func NewIssuePrescriptionHandler(formulary FormularyLoader, store Prescriptions, now Clock) IssuePrescriptionHandler {
	return IssuePrescriptionHandler{formulary: formulary, store: store, now: now}
}

// Handle issues the prescription with a new id ("RX-" + UUIDv7) and stores
// it with its PrescriptionIssued event. Rejections are a
// *prescription.ValidationError.
func (h IssuePrescriptionHandler) Handle(ctx context.Context, cmd IssuePrescription) (Receipt, error) {
	var codes []string
	if len(cmd.Items) <= prescription.MaxItems { // more is rejected without a lookup
		for _, it := range cmd.Items {
			codes = append(codes, it.MedicationCode)
		}
	}
	f, err := h.formulary.Formulary(ctx, cmd.PrescriberID, codes)
	if err != nil {
		return Receipt{}, fmt.Errorf("issue prescription: load formulary: %w", err)
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Receipt{}, fmt.Errorf("issue prescription: new id: %w", err)
	}
	p, err := prescription.Issue("RX-"+id.String(), cmd.IssueRequest, f)
	if err != nil {
		return Receipt{}, err
	}
	s := p.State()
	e, err := newEvent(contracts.PrescriptionIssued{PrescriptionState: s}, s.IssuedAt, p.Version(),
		contracts.Actor{ID: s.Prescriber.ID, Role: RolePhysician}, h.now)
	if err != nil {
		return Receipt{}, fmt.Errorf("issue prescription: %w", err)
	}
	if err := h.store.Add(ctx, p, e); err != nil {
		return Receipt{}, fmt.Errorf("issue prescription %s: %w", p.ID(), err)
	}
	return ReceiptFor(e), nil
}
