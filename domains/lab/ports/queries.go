package ports

import (
	"net/http"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
	"github.com/prontuario/prontuario/internal/httpx"
)

// orderView is a lab order as the API shows it: its full state, in the
// same shape as its events' payload, and its version.
type orderView struct {
	contracts.LabOrderState
	Version int64 `json:"version"`
}

func orderOf(o *laborder.Order) orderView {
	return orderView{LabOrderState: o.State(), Version: o.Version()}
}

type patientOrdersView struct {
	PatientID string      `json:"patientId"`
	LabOrders []orderView `json:"labOrders"`
}

// order serves GET /v1/lab-orders/{id}.
func (h handlers) order(w http.ResponseWriter, r *http.Request) {
	o, err := h.app.LabOrder.Handle(r.Context(), r.PathValue("id"))
	if err != nil {
		httpx.WriteError(w, r, err, classify, h.logger)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, orderOf(o))
}

// patientOrders serves GET /v1/patients/{patientId}/lab-orders: the
// patient's orders with their results, full records, oldest first.
func (h handlers) patientOrders(w http.ResponseWriter, r *http.Request) {
	patientID := r.PathValue("patientId")
	os, err := h.app.PatientLabOrders.Handle(r.Context(), patientID)
	if err != nil {
		httpx.WriteError(w, r, err, classify, h.logger)
		return
	}
	out := patientOrdersView{PatientID: patientID, LabOrders: make([]orderView, 0, len(os))}
	for _, o := range os {
		out.LabOrders = append(out.LabOrders, orderOf(o))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
