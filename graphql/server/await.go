package server

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/prontuario/prontuario/graphql/gqlerr"
	"github.com/prontuario/prontuario/graphql/schema"
)

// awaitHeader names the events a request waits for (read-your-writes).
const awaitHeader = schema.AwaitHeader

// maxEventIDLength bounds an awaited event id (UUIDs are 36 characters).
const maxEventIDLength = 128

// consistency is the response's extensions.consistency.
type consistency struct {
	Awaited  []string `json:"awaited"`
	Applied  bool     `json:"applied"`
	Pending  []string `json:"pending"`
	WaitedMs int64    `json:"waitedMs"`
}

// awaitEvents waits, up to AwaitTimeout, until every event named in the
// header values is applied. It returns nil when nothing was awaited, a
// BAD_USER_INPUT error for malformed ids and an INTERNAL one when the store
// fails. When the bound expires it returns what is still pending: the
// request is answered anyway, and says so.
func (h *Handler) awaitEvents(ctx context.Context, values []string) (*consistency, error) {
	ids, err := h.parseAwaited(values)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	start := time.Now()
	deadline := start.Add(h.cfg.AwaitTimeout)
	pending := ids
	pause := h.cfg.AwaitPollInterval
	for {
		var still []string
		for _, id := range pending {
			ok, err := h.events.EventApplied(ctx, id)
			if err != nil {
				return nil, gqlerr.NewInternal(fmt.Errorf("await event %s: %w", id, err))
			}
			if !ok {
				still = append(still, id)
			}
		}
		pending = still
		now := time.Now()
		if len(pending) == 0 || !now.Before(deadline) {
			break
		}
		wait := min(pause, deadline.Sub(now))
		select {
		case <-ctx.Done():
			return nil, gqlerr.NewInternal(fmt.Errorf("await events: %w", ctx.Err()))
		case <-time.After(wait):
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
	if pending == nil {
		pending = []string{}
	}
	return &consistency{
		Awaited:  ids,
		Applied:  len(pending) == 0,
		Pending:  pending,
		WaitedMs: time.Since(start).Milliseconds(),
	}, nil
}

// parseAwaited splits comma-separated ids (over one or more header lines),
// dropping duplicates.
func (h *Handler) parseAwaited(values []string) ([]string, error) {
	var ids []string
	seen := map[string]bool{}
	for _, v := range values {
		for _, id := range strings.Split(v, ",") {
			id = strings.TrimSpace(id)
			switch {
			case id == "":
				return nil, gqlerr.New(gqlerr.BadUserInput, awaitHeader+" holds an empty event id")
			case len(id) > maxEventIDLength:
				return nil, gqlerr.New(gqlerr.BadUserInput, fmt.Sprintf("%s holds an event id longer than %d characters", awaitHeader, maxEventIDLength))
			case seen[id]:
				continue
			}
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) > h.cfg.MaxAwaitedEvents {
		return nil, gqlerr.New(gqlerr.BadUserInput, fmt.Sprintf("%s names %d events; at most %d", awaitHeader, len(ids), h.cfg.MaxAwaitedEvents))
	}
	return ids, nil
}
