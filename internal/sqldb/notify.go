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
// when woken. This process's commits always wake it. On PostgreSQL, Listen
// also keeps a dedicated connection that LISTENs for other processes'
// commits: if it cannot be opened, or is lost, Listen logs that and retries
// in the background with capped exponential backoff, signalling once after
// each (re)connection, since notifications may have been missed meanwhile.
// Its only error is a channel name that is not an identifier.
func (db *DB) Listen(ctx context.Context, channel string) (<-chan struct{}, error) {
	if !channelName.MatchString(channel) {
		return nil, fmt.Errorf("listen: channel %q is not a lower-case SQL identifier", channel)
	}
	ch, unsubscribe := db.hub.subscribe(channel)
	go func() {
		<-ctx.Done()
		unsubscribe()
	}()
	if db.dialect == Postgres {
		conn, err := db.listenConnect(ctx, channel)
		if err != nil {
			db.logger.Warn("cannot LISTEN; this process's commits still signal, retrying in the background", "channel", channel, "err", err)
		}
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

// forward relays PostgreSQL notifications to ch until ctx is done. With no
// connection (nil conn), or when it is lost, it reconnects with capped
// exponential backoff and signals once connected.
func (db *DB) forward(ctx context.Context, conn *pgx.Conn, channel string, ch chan struct{}) {
	backoff := 100 * time.Millisecond
	for {
		if conn == nil {
			if conn = db.reconnect(ctx, channel, &backoff); conn == nil {
				return // ctx is done
			}
			wake(ch)
		}
		_, err := conn.WaitForNotification(ctx)
		if err == nil {
			wake(ch)
			backoff = 100 * time.Millisecond
			continue
		}
		_ = conn.Close(context.WithoutCancel(ctx))
		conn = nil
		if ctx.Err() != nil {
			return
		}
		db.logger.Warn("listen connection lost; reconnecting", "channel", channel, "err", err, "retry_in", backoff)
	}
}

// reconnect opens a LISTEN connection, waiting *backoff (doubled after each
// failure, up to 10 s) before every attempt; nil when ctx is done first.
func (db *DB) reconnect(ctx context.Context, channel string, backoff *time.Duration) *pgx.Conn {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(*backoff):
		}
		*backoff = min(2**backoff, 10*time.Second)
		conn, err := db.listenConnect(ctx, channel)
		if err == nil {
			return conn
		}
		if ctx.Err() != nil {
			return nil
		}
		db.logger.Warn("listen: reconnect failed", "channel", channel, "err", err, "retry_in", *backoff)
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
