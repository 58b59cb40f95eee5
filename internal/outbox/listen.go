package outbox

import "context"

// listen makes commits wake the relay until ctx is done, through
// [sqldb.DB.Listen]: this process's commits at once and, on PostgreSQL,
// other processes' (Listen keeps retrying its LISTEN connection in the
// background when it fails; the poll covers the gap).
func (r *Relay) listen(ctx context.Context) {
	committed, err := r.db.Listen(ctx, Channel)
	if err != nil {
		r.logger.Warn("outbox relay cannot listen for commits; polling only", "err", err, "poll_interval", r.cfg.PollInterval)
		return
	}
	go r.forward(ctx, committed)
}

// forward turns commit notifications into wake-ups until ctx is done.
func (r *Relay) forward(ctx context.Context, committed <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-committed:
			r.Notify()
		}
	}
}
