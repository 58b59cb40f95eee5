package ports

import (
	"net/http"

	"github.com/prontuario/prontuario/internal/httpx"
)

// prescription serves GET /v1/prescriptions/{id}.
func (h handlers) prescription(w http.ResponseWriter, r *http.Request) {
	p, err := h.app.Prescription.Handle(r.Context(), r.PathValue("id"))
	if err != nil {
		httpx.WriteError(w, r, err, classify, h.logger)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, prescriptionOf(p))
}

// patientPrescriptions serves GET /v1/patients/{patientId}/prescriptions:
// the patient's prescriptions, full records, oldest first.
func (h handlers) patientPrescriptions(w http.ResponseWriter, r *http.Request) {
	patientID := r.PathValue("patientId")
	ps, err := h.app.PatientPrescriptions.Handle(r.Context(), patientID)
	if err != nil {
		httpx.WriteError(w, r, err, classify, h.logger)
		return
	}
	out := patientPrescriptionsView{PatientID: patientID, Prescriptions: make([]prescriptionView, 0, len(ps))}
	for _, p := range ps {
		out.Prescriptions = append(out.Prescriptions, prescriptionOf(p))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
