package ports

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/prontuario/prontuario/domains/imaging/app"
	"github.com/prontuario/prontuario/internal/httpx"
)

// NewHandler returns the service's HTTP API. replays finds the saved
// answers of idempotency keys (an *idempotency.Store over the service's
// database); ready backs /readyz.
func NewHandler(a app.Application, replays httpx.Replayer, ready func(context.Context) error, logger *slog.Logger) http.Handler {
	h := &handlers{app: a, logger: logger}
	cmds := &httpx.Commands{Replays: replays, Classify: problemFor, Logger: logger}
	mux := http.NewServeMux()
	mux.Handle("POST /v1/imaging-studies", cmds.Handle(http.StatusCreated, h.orderStudy))
	mux.Handle("POST /v1/imaging-studies/{id}/performed", cmds.Handle(http.StatusCreated, h.recordPerformed))
	mux.Handle("POST /v1/imaging-studies/{id}/report", cmds.Handle(http.StatusCreated, h.finalizeReport))
	mux.Handle("POST /v1/imaging-studies/{id}/report/amend", cmds.Handle(http.StatusCreated, h.amendReport))
	mux.HandleFunc("GET /v1/imaging-studies/{id}", h.study)
	mux.HandleFunc("GET /v1/patients/{patientId}/imaging-studies", h.patientStudies)
	httpx.Health(mux, ready)
	return httpx.Recover(logger, httpx.Trace(httpx.Routes(mux)))
}

type handlers struct {
	app    app.Application
	logger *slog.Logger
}

func (h *handlers) orderStudy(ctx context.Context, _ *http.Request, body []byte) (any, error) {
	cmd, err := decodeOrderStudy(body)
	if err != nil {
		return nil, err
	}
	return h.app.OrderStudy.Handle(ctx, cmd)
}

func (h *handlers) recordPerformed(ctx context.Context, r *http.Request, body []byte) (any, error) {
	cmd, err := decodeRecordPerformed(r.PathValue("id"), body)
	if err != nil {
		return nil, err
	}
	return h.app.RecordPerformed.Handle(ctx, cmd)
}

func (h *handlers) finalizeReport(ctx context.Context, r *http.Request, body []byte) (any, error) {
	cmd, err := decodeFinalizeReport(r.PathValue("id"), body)
	if err != nil {
		return nil, err
	}
	return h.app.FinalizeReport.Handle(ctx, cmd)
}

func (h *handlers) amendReport(ctx context.Context, r *http.Request, body []byte) (any, error) {
	cmd, err := decodeAmendReport(r.PathValue("id"), body)
	if err != nil {
		return nil, err
	}
	return h.app.AmendReport.Handle(ctx, cmd)
}
