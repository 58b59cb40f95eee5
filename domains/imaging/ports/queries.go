package ports

import (
	"net/http"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
	"github.com/prontuario/prontuario/internal/httpx"
)

// studyView is a study as the GET endpoints show it: its full state, as
// its events carry it, and its version.
type studyView struct {
	contracts.ImagingStudyState
	Version int64 `json:"version"`
}

func viewOf(s *study.Study) studyView {
	return studyView{ImagingStudyState: s.State(), Version: s.Version()}
}

func (h *handlers) study(w http.ResponseWriter, r *http.Request) {
	s, err := h.app.Study.Handle(r.Context(), r.PathValue("id"))
	if err != nil {
		httpx.WriteError(w, r, err, problemFor, h.logger)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, viewOf(s))
}

// patientStudiesView lists a patient's studies, by order time.
type patientStudiesView struct {
	PatientID      string      `json:"patientId"`
	ImagingStudies []studyView `json:"imagingStudies"`
}

func (h *handlers) patientStudies(w http.ResponseWriter, r *http.Request) {
	patientID := r.PathValue("patientId")
	ss, err := h.app.PatientStudies.Handle(r.Context(), patientID)
	if err != nil {
		httpx.WriteError(w, r, err, problemFor, h.logger)
		return
	}
	v := patientStudiesView{PatientID: patientID, ImagingStudies: make([]studyView, len(ss))}
	for i, s := range ss {
		v.ImagingStudies[i] = viewOf(s)
	}
	httpx.WriteJSON(w, http.StatusOK, v)
}
