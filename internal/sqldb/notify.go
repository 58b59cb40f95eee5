package sqldb

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// channelName is what Notify and Listen accept: a plain SQL identifier, so it
// is the same on both databases and needs no quoting.
var channelName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// Notify arranges for every [DB.Listen] channel of the named channel to be
// woken once tx commits: in this process directly and, on PostgreSQL, in every
// process listening on the database (NOTIFY is delivered at commit and
// dropped on rollback). Notifying the same channel twice in one transaction
// wakes listeners once.
func (tx *Tx) Notify(ctx context.Context, channel string) error {
	if !channelName.MatchString(channel) {
		return fmt.Errorf("notify: channel %q is not a lower-case SQL identifier", channel)
	}
	if tx.notified[channel] {
		return nil
	}
	if tx.Dialect() == Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_notify(?, '')", channel); err != nil {
			return fmt.Errorf("notify %s: %w", channel, err)
		}
	}
	if tx.notified == nil {
		tx.notified = map[string]bool{}
	}
	tx.notified[channel] = true
	tx.AfterCommit(func() { tx.db.hub.signal(channel) })
	return nil
}

// Listen returns a channel that receives a value after commits that called
// [Tx.Notify] on channel, until ctx is done. Signals coalesce: one value may
// stand for several commits, so a listener must look for all pending work
// when woken. On PostgreSQL, Listen also holds a dedicated connection that
// LISTENs for other processes' commits; it returns that connection's first
// error, and later reconnects on its own (signalling once after each
// reconnection, since notifications may have been missed meanwhile).
func (db *DB) Listen(ctx context.Context, channel string) (<-chan struct{}, error) {
	if !channelName.MatchString(channel) {
		return nil, fmt.Errorf("listen: channel %q is not a lower-case SQL identifier", channel)
	}
	var conn *pgx.Conn
	if db.dialect == Postgres {
		var err error
		if conn, err = db.listenConn(ctx, channel); err != nil {
			return nil, err
		}
	}
	ch, unsubscribe := db.hub.subscribe(channel)
	go func() {
		<-ctx.Done()
		unsubscribe()
	}()
	if conn != nil {
		go db.forward(ctx, conn, channel, ch)
	}
	return ch, nil
}

func (db *DB) listenConn(ctx context.Context, channel string) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, db.url)
	if err != nil {
		return nil, fmt.Errorf("listen %s: connect: %w", channel, err)
	}
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		_ = conn.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("listen %s: %w", channel, err)
	}
	return conn, nil
}

// forward relays PostgreSQL notifications to ch until ctx is done,
// reconnecting with capped exponential backoff.
func (db *DB) forward(ctx context.Context, conn *pgx.Conn, channel string, ch chan struct{}) {
	backoff := 100 * time.Millisecond
	for {
		_, err := conn.WaitForNotification(ctx)
		if err == nil {
			wake(ch)
			backoff = 100 * time.Millisecond
			continue
		}
		_ = conn.Close(context.WithoutCancel(ctx))
		for {
			if ctx.Err() != nil {
				return
			}
			db.logger.Warn("listen connection lost; reconnecting", "channel", channel, "err", err, "retry_in", backoff)
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 10*time.Second)
			if conn, err = db.listenConn(ctx, channel); err == nil {
				wake(ch)
				break
			}
		}
	}
}

// hub fans in-process notifications out to listeners.
type hub struct {
	mu   sync.Mutex
	subs map[string]map[chan struct{}]struct{}
}

func (h *hub) subscribe(channel string) (chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[channel] == nil {
		h.subs[channel] = map[chan struct{}]struct{}{}
	}
	h.subs[channel][ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.subs[channel], ch)
	}
}

func (h *hub) signal(channel string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[channel] {
		wake(ch)
	}
}

// wake sends on a one-slot channel without blocking; a pending value already
// stands for this signal.
func wake(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
