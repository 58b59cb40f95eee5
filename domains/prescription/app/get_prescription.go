package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// GetPrescriptionHandler reads one prescription.
type GetPrescriptionHandler struct{ reader PrescriptionReader }

// NewGetPrescriptionHandler returns a handler reading from reader.
func NewGetPrescriptionHandler(reader PrescriptionReader) GetPrescriptionHandler {
	return GetPrescriptionHandler{reader: reader}
}

// Handle returns the prescription, or an error wrapping prescription.ErrNotFound.
func (h GetPrescriptionHandler) Handle(ctx context.Context, id string) (*prescription.Prescription, error) {
	p, err := h.reader.Prescription(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get prescription %s: %w", id, err)
	}
	return p, nil
}
