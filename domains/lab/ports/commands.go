package ports

import (
	"context"
	"net/http"
)

// placeOrder serves POST /v1/lab-orders.
func (h handlers) placeOrder(ctx context.Context, _ *http.Request, body []byte) (any, error) {
	cmd, ts, err := decodePlace(body)
	if err != nil {
		return nil, err
	}
	r, err := h.app.PlaceLabOrder.Handle(ctx, cmd)
	if err != nil {
		return nil, explain(err, ts)
	}
	return r, nil
}

// recordResult serves POST /v1/lab-orders/{id}/results.
func (h handlers) recordResult(ctx context.Context, req *http.Request, body []byte) (any, error) {
	cmd, ts, err := decodeResult(req.PathValue("id"), body)
	if err != nil {
		return nil, err
	}
	r, err := h.app.RecordLabResult.Handle(ctx, cmd)
	if err != nil {
		return nil, explain(err, ts)
	}
	return r, nil
}

// correctResult serves POST /v1/lab-orders/{id}/results/{code}/correct.
func (h handlers) correctResult(ctx context.Context, req *http.Request, body []byte) (any, error) {
	cmd, ts, err := decodeCorrection(req.PathValue("id"), req.PathValue("code"), body)
	if err != nil {
		return nil, err
	}
	r, err := h.app.CorrectLabResult.Handle(ctx, cmd)
	if err != nil {
		return nil, explain(err, ts)
	}
	return r, nil
}
