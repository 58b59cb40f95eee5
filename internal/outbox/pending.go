package outbox

import (
	"context"
	"fmt"
	"time"

	"github.com/prontuario/prontuario/internal/sqldb"
)

// Pending is an event waiting in the outbox.
type Pending struct {
	EventID          string
	Topic            string
	AggregateID      string
	AggregateVersion int64
	// Headers are the Kafka headers, as contracts.Encode made them.
	Headers   map[string]string
	Body      []byte
	CreatedAt time.Time
}

// ListPending returns up to limit events waiting in the outbox, oldest
// first, for inspection (tests, admin tools); the relay does not use it.
func ListPending(ctx context.Context, q sqldb.Querier, limit int) ([]Pending, error) {
	rows, err := q.QueryContext(ctx, `SELECT event_id, topic, aggregate_id, aggregate_version, headers, body, created_at
		FROM outbox ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	defer rows.Close()
	var out []Pending
	for rows.Next() {
		var (
			p              Pending
			headers, body  string
			createdAtNanos int64
		)
		if err := rows.Scan(&p.EventID, &p.Topic, &p.AggregateID, &p.AggregateVersion, &headers, &body, &createdAtNanos); err != nil {
			return nil, fmt.Errorf("list outbox: %w", err)
		}
		if p.Headers, err = decodeHeaders([]byte(headers)); err != nil {
			return nil, fmt.Errorf("list outbox: headers of %s: %w", p.EventID, err)
		}
		p.Body, p.CreatedAt = []byte(body), time.Unix(0, createdAtNanos).UTC()
		out = append(out, p)
	}
	return out, rows.Err()
}
