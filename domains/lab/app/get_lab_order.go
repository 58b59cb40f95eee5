package app

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

// GetLabOrderHandler reads one lab order.
type GetLabOrderHandler struct{ reader OrderReader }

// NewGetLabOrderHandler returns a handler reading from reader.
func NewGetLabOrderHandler(reader OrderReader) GetLabOrderHandler {
	return GetLabOrderHandler{reader: reader}
}

// Handle returns the order, or an error wrapping laborder.ErrNotFound.
func (h GetLabOrderHandler) Handle(ctx context.Context, id string) (*laborder.Order, error) {
	o, err := h.reader.Order(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get lab order %s: %w", id, err)
	}
	return o, nil
}
