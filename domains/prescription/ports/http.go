package ports

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/internal/httpx"
)

// handlers serves the API from the application's use cases.
type handlers struct {
	app    app.Application
	logger *slog.Logger
}

// NewHandler returns the service's HTTP handler. replays looks up the saved
// answers of idempotency keys; ready tells /readyz whether the service can
// serve (its database answers). A nil logger discards logs.
func NewHandler(a app.Application, replays httpx.Replayer, ready func(context.Context) error, logger *slog.Logger) http.Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	h := handlers{app: a, logger: logger}
	cmds := &httpx.Commands{Replays: replays, Classify: classify, Logger: logger}
	mux := http.NewServeMux()
	mux.Handle("POST /v1/prescriptions", cmds.Handle(http.StatusCreated, h.issue))
	mux.Handle("POST /v1/prescriptions/{id}/cancel", cmds.Handle(http.StatusCreated, h.cancel))
	mux.HandleFunc("GET /v1/prescriptions/{id}", h.prescription)
	mux.HandleFunc("GET /v1/patients/{patientId}/prescriptions", h.patientPrescriptions)
	mux.Handle("POST /v1/prescribers", catalogCommand(h, prescriberCommand, a.RegisterPrescriber.Handle, prescriberOf))
	mux.Handle("POST /v1/medications", catalogCommand(h, medicationCommand, a.AddMedication.Handle, medicationOf))
	mux.Handle("POST /v1/authorizations", catalogCommand(h, authorizationCommand, a.AuthorizeSpecialty.Handle, authorizationOf))
	httpx.Health(mux, ready)
	return httpx.Recover(logger, httpx.Trace(httpx.Routes(mux)))
}
