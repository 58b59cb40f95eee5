package outbox

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Stats describes the outbox backlog and what the relay has done.
type Stats struct {
	// Backlog is how many events wait to be published.
	Backlog int
	// OldestAge is how long the oldest waiting event has waited; 0 when
	// the backlog is empty.
	OldestAge time.Duration
	// Published counts the events this relay published since it was created,
	// as the broker acknowledges them (just before their rows are deleted).
	Published uint64
	// FailedBatches counts the batches that failed, since it was created.
	FailedBatches uint64
}

// Stats reads the backlog from the database.
func (r *Relay) Stats(ctx context.Context) (Stats, error) {
	var (
		n      int
		oldest sql.NullInt64
	)
	if err := r.db.QueryRowContext(ctx, "SELECT COUNT(*), MIN(created_at) FROM outbox").Scan(&n, &oldest); err != nil {
		return Stats{}, fmt.Errorf("outbox stats: %w", err)
	}
	s := Stats{Backlog: n, Published: r.published.Load(), FailedBatches: r.failures.Load()}
	if oldest.Valid {
		s.OldestAge = max(time.Since(time.Unix(0, oldest.Int64)), 0)
	}
	return s, nil
}
