package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// PatientLabOrdersHandler lists a patient's lab orders with their results:
// the service's own query view, with full records.
type PatientLabOrdersHandler struct{ reader OrderReader }

// NewPatientLabOrdersHandler returns a handler reading from reader.
func NewPatientLabOrdersHandler(reader OrderReader) PatientLabOrdersHandler {
	return PatientLabOrdersHandler{reader: reader}
}

// Handle returns the patient's orders, oldest first; a patient without
// orders has an empty list.
func (h PatientLabOrdersHandler) Handle(ctx context.Context, patientID string) ([]*laborder.Order, error) {
	os, err := h.reader.PatientOrders(ctx, patientID)
	if err != nil {
		return nil, fmt.Errorf("list lab orders of patient %s: %w", patientID, err)
	}
	return os, nil
}
