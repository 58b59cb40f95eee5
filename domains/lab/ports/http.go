package ports

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/prontuario/prontuario/domains/lab/app"
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
	mux.Handle("POST /v1/lab-orders", cmds.Handle(http.StatusCreated, h.placeOrder))
	mux.Handle("POST /v1/lab-orders/{id}/results", cmds.Handle(http.StatusCreated, h.recordResult))
	mux.Handle("POST /v1/lab-orders/{id}/results/{code}/correct", cmds.Handle(http.StatusCreated, h.correctResult))
	mux.HandleFunc("GET /v1/lab-orders/{id}", h.order)
	mux.HandleFunc("GET /v1/patients/{patientId}/lab-orders", h.patientOrders)
	httpx.Health(mux, ready)
	return httpx.Recover(logger, httpx.Trace(httpx.Routes(mux)))
}
