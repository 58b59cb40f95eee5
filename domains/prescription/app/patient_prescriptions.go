package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// PatientPrescriptionsHandler lists a patient's prescriptions: the
// service's own query view, with full records.
type PatientPrescriptionsHandler struct{ reader PrescriptionReader }

// NewPatientPrescriptionsHandler returns a handler reading from reader.
func NewPatientPrescriptionsHandler(reader PrescriptionReader) PatientPrescriptionsHandler {
	return PatientPrescriptionsHandler{reader: reader}
}

// Handle returns the patient's prescriptions, oldest issue first; a patient
// without prescriptions has an empty list.
func (h PatientPrescriptionsHandler) Handle(ctx context.Context, patientID string) ([]*prescription.Prescription, error) {
	ps, err := h.reader.PatientPrescriptions(ctx, patientID)
	if err != nil {
		return nil, fmt.Errorf("list prescriptions of patient %s: %w", patientID, err)
	}
	return ps, nil
}
