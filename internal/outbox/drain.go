package outbox

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
)

// relayLockKey is the PostgreSQL advisory lock a relay holds while it drains
// the outbox, so relays of several processes never interleave one record's
// events. Relays before the pipelined drain took it per transaction
// (pg_try_advisory_xact_lock); both kinds exclude each other.
const relayLockKey = 7_140_114_200_002

// drainQuery deletes the rows acknowledged since the previous read ($1) and,
// in the same statement and so the same snapshot, reads the next rows after
// the highest id already dispatched ($2) and counts the rows at or below it
// (in the last row, the only one with id 0; identity ids start at 1). Those
// are the dispatched rows not yet deleted (the main query does not see the
// CTE's deletions), plus any row whose transaction committed after an
// earlier read had gone past its id: a straggler. So a count above the
// relay's own reveals stragglers.
const drainQuery = `WITH done AS (DELETE FROM outbox WHERE id = ANY($1))
(SELECT id, event_id, topic, aggregate_id, headers, body, 0::bigint FROM outbox WHERE id > $2 ORDER BY id LIMIT $3)
UNION ALL
(SELECT 0, '', '', '', '', '', count(*) FROM outbox WHERE id <= $2)`

// drain is one pass of a relay over a PostgreSQL outbox while it holds the
// relay lock: one goroutine reads rows into persistent lanes, batch after
// batch, without waiting for the previous batch's acknowledgements, and
// deletes acknowledged rows in bulk with its next read.
//
// Order per record needs one property of the writers, the one the single
// batch relay relied on too: a record's events are committed in id order
// (a command on a record commits before the next one on it starts). Then a
// straggler s of record A (committed after a read passed its id) has no
// later event of A dispatched yet, since those committed after s, so after
// the previous read; any that are visible now come in this read, and are
// dispatched after s.
type drain struct {
	r        *Relay
	conn     *sql.Conn
	lanes    *lanes             // started with the first row: an idle look costs no goroutines
	cursor   int64              // highest id dispatched
	inflight map[int64]struct{} // dispatched and not deleted
	pending  []int64            // acknowledged, to delete
	n        int                // deleted after publishing
}

// drainPostgres drains the outbox until it is caught up, ctx is done or a
// publish fails, then waits for the rows in flight and deletes the
// acknowledged ones. It returns how many rows it published and deleted, and
// whether it stopped before catching up with no error (more rows wait).
// Another relay holding the lock makes it return at once: that relay was
// woken too.
func (r *Relay) drainPostgres(ctx context.Context) (n int, more bool, err error) {
	conn, err := r.db.Std().Conn(ctx)
	if err != nil {
		return 0, false, fmt.Errorf("outbox: connect: %w", err)
	}
	dbCtx, cancel := r.dbContext(ctx)
	var locked bool
	err = conn.QueryRowContext(dbCtx, "SELECT pg_try_advisory_lock($1)", int64(relayLockKey)).Scan(&locked)
	cancel()
	if err != nil || !locked {
		_ = conn.Close()
		if err != nil {
			return 0, false, fmt.Errorf("take relay lock: %w", err)
		}
		return 0, false, nil
	}
	d := &drain{r: r, conn: conn, inflight: map[int64]struct{}{}}
	defer d.unlock(ctx)
	return d.run(ctx)
}

// dbContext bounds one statement by BatchTimeout; it outlives ctx, so the
// batch in progress when the relay stops is still read and deleted.
func (r *Relay) dbContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), r.cfg.BatchTimeout)
}

func (d *drain) run(ctx context.Context) (n int, more bool, err error) {
	caughtUp := false
	for ctx.Err() == nil && (d.lanes == nil || !d.lanes.failed()) {
		fresh, stragglers, err := d.next(ctx)
		if err != nil {
			return d.finish(ctx, err)
		}
		for _, x := range stragglers {
			d.dispatch(x)
		}
		for _, x := range fresh {
			d.dispatch(x)
			d.cursor = x.id
		}
		if len(fresh) < d.r.cfg.BatchSize && len(stragglers) == 0 {
			caughtUp = true
			break
		}
	}
	n, _, err = d.finish(ctx, nil)
	return n, !caughtUp && err == nil && ctx.Err() == nil, err
}

func (d *drain) dispatch(x row) {
	if d.lanes == nil {
		d.lanes = d.r.startLanes(2 * d.r.cfg.BatchSize)
	}
	d.inflight[x.id] = struct{}{}
	d.lanes.dispatch(x)
}

// next deletes what was acknowledged and reads the next rows: the fresh
// ones after the cursor, in id order, and the stragglers.
func (d *drain) next(ctx context.Context) (fresh, stragglers []row, err error) {
	deleting := d.pending
	if d.lanes != nil {
		deleting = append(deleting, d.lanes.takeAcked()...)
	}
	d.pending = deleting
	dbCtx, cancel := d.r.dbContext(ctx)
	defer cancel()
	rs, err := d.conn.QueryContext(dbCtx, drainQuery, deleting, d.cursor, d.r.cfg.BatchSize)
	if err != nil {
		return nil, nil, fmt.Errorf("read outbox: %w", err)
	}
	var older int64 // rows at or below the cursor
	for rs.Next() {
		var x row
		var n int64
		if err := rs.Scan(&x.id, &x.eventID, &x.topic, &x.aggregateID, &x.headers, &x.body, &n); err != nil {
			_ = rs.Close()
			return nil, nil, fmt.Errorf("read outbox: %w", err)
		}
		if x.id == 0 {
			older = n
		} else {
			fresh = append(fresh, x)
		}
	}
	if err := errors.Join(rs.Err(), rs.Close()); err != nil {
		return nil, nil, fmt.Errorf("read outbox: %w", err)
	}
	known := len(d.inflight) // including deleting: the snapshot predates the deletion
	d.deleted(deleting)
	slices.SortFunc(fresh, func(a, b row) int { return cmp.Compare(a.id, b.id) })
	if older > int64(known) {
		if stragglers, err = d.stragglers(dbCtx); err != nil {
			return nil, nil, err
		}
	}
	return fresh, stragglers, nil
}

// stragglers reads, in id order, the rows at or below the cursor that were
// never dispatched. They are read in a later snapshot than the fresh rows
// they go before; that is safe: a straggler visible now but not then has
// no later event of its record among those fresh rows, which all committed
// before it.
func (d *drain) stragglers(ctx context.Context) ([]row, error) {
	dispatched := make([]int64, 0, len(d.inflight))
	for id := range d.inflight {
		dispatched = append(dispatched, id)
	}
	rs, err := d.conn.QueryContext(ctx, "SELECT id, event_id, topic, aggregate_id, headers, body FROM outbox WHERE id <= $1 AND id <> ALL($2) ORDER BY id", d.cursor, dispatched)
	if err != nil {
		return nil, fmt.Errorf("read outbox stragglers: %w", err)
	}
	defer rs.Close()
	var out []row
	for rs.Next() {
		x, err := scanRow(rs)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("read outbox stragglers: %w", err)
	}
	return out, nil
}

// deleted notes that the pending rows are gone.
func (d *drain) deleted(ids []int64) {
	for _, id := range ids {
		delete(d.inflight, id)
	}
	d.pending = nil
	d.n += len(ids)
}

// finish waits for the rows in flight and deletes every acknowledged row
// not yet deleted; a row whose delete fails is published again later.
func (d *drain) finish(ctx context.Context, readErr error) (n int, more bool, err error) {
	var rest []int64
	var pubErr error
	if d.lanes != nil {
		rest, pubErr = d.lanes.wait()
	}
	ids := append(d.pending, rest...)
	var delErr error
	if len(ids) > 0 {
		dbCtx, cancel := d.r.dbContext(ctx)
		defer cancel()
		if _, err := d.conn.ExecContext(dbCtx, "DELETE FROM outbox WHERE id = ANY($1)", ids); err != nil {
			delErr = fmt.Errorf("delete %d published rows (they will be published again): %w", len(ids), err)
		} else {
			d.deleted(ids)
		}
	}
	return d.n, false, errors.Join(readErr, pubErr, delErr)
}

// unlock releases the relay lock and the connection. A connection whose
// unlock failed is discarded, never returned to the pool holding the lock.
func (d *drain) unlock(ctx context.Context) {
	dbCtx, cancel := d.r.dbContext(ctx)
	defer cancel()
	if _, err := d.conn.ExecContext(dbCtx, "SELECT pg_advisory_unlock($1)", int64(relayLockKey)); err != nil {
		d.r.logger.Warn("outbox relay cannot release its lock; dropping the connection", "err", err)
		_ = d.conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	_ = d.conn.Close()
}
