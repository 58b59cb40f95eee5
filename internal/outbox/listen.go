package outbox

import (
	"context"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Bounds of the wait between attempts to LISTEN after it failed at start.
const (
	listenMinBackoff = 500 * time.Millisecond
	listenMaxBackoff = 30 * time.Second
)

// listen makes commits wake the relay until ctx is done: through
// [sqldb.DB.Listen] (in-process commits and, on PostgreSQL, other
// processes'). If Listen fails (PostgreSQL refuses the dedicated
// connection, or a pooler does not support LISTEN), commits of this process
// still wake the relay through [Append]'s fallback, and Listen is retried in
// the background with capped exponential backoff; the poll covers other
// processes meanwhile.
func (r *Relay) listen(ctx context.Context) {
	committed, err := r.listenFn(ctx, Channel)
	if err == nil {
		go r.forward(ctx, committed)
		return
	}
	r.logger.Warn("outbox relay cannot listen for commits; waking on this process's commits and polling, retrying in the background",
		"err", err, "poll_interval", r.cfg.PollInterval)
	unregister := localWakes.register(r)
	go func() {
		defer unregister()
		for attempt := 1; ; attempt++ {
			sleep(ctx, backoff(attempt, listenMinBackoff, listenMaxBackoff, rand.Float64()))
			if ctx.Err() != nil {
				return
			}
			committed, err := r.listenFn(ctx, Channel)
			if err != nil {
				r.logger.Warn("outbox relay still cannot listen for commits", "err", err, "attempt", attempt)
				continue
			}
			r.logger.Info("outbox relay listens for commits again", "attempts", attempt)
			unregister()
			r.Notify() // commits of other processes may have been missed
			r.forward(ctx, committed)
			return
		}
	}()
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

// localWakes holds the relays of this process whose LISTEN failed: a commit
// through [Append] wakes them all, whatever their database (a needless
// wake-up costs one read of an empty outbox).
var localWakes wakeSet

type wakeSet struct {
	n      atomic.Int32 // len(relays), read without the lock by every Append
	mu     sync.Mutex
	relays map[*Relay]struct{}
}

// register adds r until the returned function (idempotent) is called.
func (s *wakeSet) register(r *Relay) (unregister func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.relays == nil {
		s.relays = map[*Relay]struct{}{}
	}
	s.relays[r] = struct{}{}
	s.n.Store(int32(len(s.relays)))
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			delete(s.relays, r)
			s.n.Store(int32(len(s.relays)))
		})
	}
}

// wakeAll wakes every registered relay; it never blocks.
func (s *wakeSet) wakeAll() {
	if s.n.Load() == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for r := range s.relays {
		r.Notify()
	}
}
