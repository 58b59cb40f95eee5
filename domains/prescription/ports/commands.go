package ports

import (
	"context"
	"net/http"
)

// issue serves POST /v1/prescriptions.
func (h handlers) issue(ctx context.Context, _ *http.Request, body []byte) (any, error) {
	cmd, ts, err := decodeIssue(body)
	if err != nil {
		return nil, err
	}
	r, err := h.app.IssuePrescription.Handle(ctx, cmd)
	if err != nil {
		return nil, explain(err, ts)
	}
	return r, nil
}

// cancel serves POST /v1/prescriptions/{id}/cancel.
func (h handlers) cancel(ctx context.Context, req *http.Request, body []byte) (any, error) {
	cmd, ts, err := decodeCancel(req.PathValue("id"), body)
	if err != nil {
		return nil, err
	}
	r, err := h.app.CancelPrescription.Handle(ctx, cmd)
	if err != nil {
		return nil, explain(err, ts)
	}
	return r, nil
}
