package outbox

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/prontuario/prontuario/internal/sqldb"
)

// relayBatch publishes one batch from a SQLite outbox and deletes the rows
// the broker acknowledged. It returns how many were published, and an error
// if any failed. The batch runs to completion even if ctx is cancelled
// meanwhile. SQLite has one relay per database, and holding its write lock
// while publishing would stall every command, so only the delete is a
// (short) transaction.
func (r *Relay) relayBatch(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.cfg.BatchTimeout)
	defer cancel()
	acked, pubErr := r.publishBatch(ctx, r.db)
	err := r.db.InTx(ctx, func(tx *sqldb.Tx) error { return deleteRows(ctx, tx, acked) })
	if err != nil {
		return 0, err
	}
	return len(acked), pubErr
}

// publishBatch reads the oldest rows through q and publishes them, handing
// each row to its lane as soon as it is read, so publishing overlaps
// reading. It returns the ids of the rows the broker acknowledged.
func (r *Relay) publishBatch(ctx context.Context, q sqldb.Querier) ([]int64, error) {
	rs, err := q.QueryContext(ctx, "SELECT id, event_id, topic, aggregate_id, headers, body FROM outbox ORDER BY id LIMIT ?", r.cfg.BatchSize)
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	defer rs.Close()
	var lanes *lanes // started with the first row: an idle poll costs no goroutines
	var readErr error
	for rs.Next() {
		x, err := scanRow(rs)
		if err != nil {
			readErr = err
			break
		}
		if lanes == nil {
			lanes = r.startLanes(r.cfg.BatchSize)
		}
		lanes.dispatch(x)
	}
	if readErr == nil {
		if err := rs.Err(); err != nil {
			readErr = fmt.Errorf("read outbox: %w", err)
		}
	}
	if lanes == nil {
		return nil, readErr
	}
	acked, pubErr := lanes.wait()
	if readErr != nil {
		return acked, readErr
	}
	return acked, pubErr
}

// scanRow reads the columns id, event_id, topic, aggregate_id, headers, body.
func scanRow(rs *sql.Rows) (row, error) {
	var x row
	if err := rs.Scan(&x.id, &x.eventID, &x.topic, &x.aggregateID, &x.headers, &x.body); err != nil {
		return row{}, fmt.Errorf("read outbox: %w", err)
	}
	return x, nil
}

// deleteRows deletes the published rows. If it fails they stay and are
// published again: at least once.
func deleteRows(ctx context.Context, tx *sqldb.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM outbox WHERE id IN ("+sqldb.Placeholders(len(ids))+")", args...); err != nil {
		return fmt.Errorf("delete %d published rows (they will be published again): %w", len(ids), err)
	}
	return nil
}
