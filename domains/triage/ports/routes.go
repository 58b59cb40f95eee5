package ports

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/prontuario/prontuario/domains/triage/app"
	"github.com/prontuario/prontuario/internal/httpx"
)

// NewHandler returns the service's HTTP API. replays finds the saved
// answers of idempotency keys (an *idempotency.Store over the service's
// database); ready backs /readyz.
func NewHandler(a app.Application, replays httpx.Replayer, ready func(context.Context) error, logger *slog.Logger) http.Handler {
	h := &handlers{app: a, logger: logger}
	cmds := &httpx.Commands{Replays: replays, Classify: problemFor, Logger: logger}
	mux := http.NewServeMux()
	mux.Handle("POST /v1/encounters", cmds.Handle(http.StatusCreated, h.openEncounter))
	mux.Handle("POST /v1/encounters/{id}/triage", cmds.Handle(http.StatusCreated, h.recordTriage))
	mux.Handle("POST /v1/encounters/{id}/close", cmds.Handle(http.StatusCreated, h.closeEncounter))
	mux.HandleFunc("GET /v1/encounters/{id}", h.encounter)
	mux.HandleFunc("GET /v1/patients/{patientId}/encounters", h.patientEncounters)
	httpx.Health(mux, ready)
	return httpx.Recover(logger, httpx.Trace(httpx.Routes(mux)))
}

type handlers struct {
	app    app.Application
	logger *slog.Logger
}

func (h *handlers) openEncounter(ctx context.Context, _ *http.Request, body []byte) (any, error) {
	cmd, err := decodeOpenEncounter(body)
	if err != nil {
		return nil, err
	}
	return h.app.OpenEncounter.Handle(ctx, cmd)
}

func (h *handlers) recordTriage(ctx context.Context, r *http.Request, body []byte) (any, error) {
	cmd, err := decodeRecordTriage(r.PathValue("id"), body)
	if err != nil {
		return nil, err
	}
	return h.app.RecordTriage.Handle(ctx, cmd)
}

func (h *handlers) closeEncounter(ctx context.Context, r *http.Request, body []byte) (any, error) {
	cmd, err := decodeCloseEncounter(r.PathValue("id"), body)
	if err != nil {
		return nil, err
	}
	return h.app.CloseEncounter.Handle(ctx, cmd)
}
