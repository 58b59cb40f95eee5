package ports

import (
	"net/http"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
	"github.com/prontuario/prontuario/internal/httpx"
)

// encounterView is an encounter as the GET endpoints show it: its full
// state, as its events carry it, and its version.
type encounterView struct {
	contracts.EncounterState
	Version int64 `json:"version"`
}

func viewOf(e *encounter.Encounter) encounterView {
	return encounterView{EncounterState: e.State(), Version: e.Version()}
}

func (h *handlers) encounter(w http.ResponseWriter, r *http.Request) {
	e, err := h.app.Encounter.Handle(r.Context(), r.PathValue("id"))
	if err != nil {
		httpx.WriteError(w, r, err, problemFor, h.logger)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, viewOf(e))
}

// patientEncountersView lists a patient's encounters, by arrival.
type patientEncountersView struct {
	PatientID  string          `json:"patientId"`
	Encounters []encounterView `json:"encounters"`
}

func (h *handlers) patientEncounters(w http.ResponseWriter, r *http.Request) {
	patientID := r.PathValue("patientId")
	es, err := h.app.PatientEncounters.Handle(r.Context(), patientID)
	if err != nil {
		httpx.WriteError(w, r, err, problemFor, h.logger)
		return
	}
	v := patientEncountersView{PatientID: patientID, Encounters: make([]encounterView, len(es))}
	for i, e := range es {
		v.Encounters[i] = viewOf(e)
	}
	httpx.WriteJSON(w, http.StatusOK, v)
}
