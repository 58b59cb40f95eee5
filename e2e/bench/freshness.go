package bench

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/prontuario/prontuario/domains/simulate"
)

// maxAwaited is how many events one GraphQL request may await (the
// server's default MaxAwaitedEvents).
const maxAwaited = 20

// maxChecked bounds the events checked per poll, oldest first, so that the
// measurement's own load on the API stays bounded (at most 2 requests per
// poll) when the read model falls behind.
const maxChecked = 2 * maxAwaited

// Freshness measures, for every accepted command, the time from its 2xx to
// its event being visible through the GraphQL API. Every Every it asks the
// API about the oldest 40 events still pending, 20 per request, with the
// read-your-writes header on a query that reads no patient data; against a
// server whose await bound is about a millisecond
// (PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT=1ms) each request is a non-blocking check
// whose answer lists the events not applied yet. While at most 40 events are
// pending, a latency is exact to within Every plus one request; beyond, a
// newer event applied before older ones is seen late (the read model is
// then far behind anyway). Its methods are safe for concurrent use.
type Freshness struct {
	api   GraphQL
	every time.Duration

	mu      sync.Mutex
	pending map[string]time.Time // event id -> when its command got its 2xx
	lat     Latencies
	lastErr error
}

// NewFreshness returns a tracker polling api every every.
func NewFreshness(api GraphQL, every time.Duration) *Freshness {
	return &Freshness{api: api, every: every, pending: map[string]time.Time{}}
}

// Accepted records a command's 2xx; it is a simulate.Run sink. Commands
// outside a patient's history (the formulary) are ignored.
func (f *Freshness) Accepted(a simulate.Accepted) {
	if a.EventID == "" || a.PatientID == "" {
		return
	}
	now := time.Now()
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending[a.EventID] = now
}

// Run polls until ctx ends.
func (f *Freshness) Run(ctx context.Context) {
	tick := time.NewTicker(f.every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		var wg sync.WaitGroup
		for chunk := range slices.Chunk(f.pendingIDs(), maxAwaited) {
			wg.Go(func() { f.check(ctx, chunk) })
		}
		wg.Wait()
	}
}

// pendingIDs returns the oldest maxChecked pending events.
func (f *Freshness) pendingIDs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	ids := make([]string, 0, len(f.pending))
	for id := range f.pending {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return f.pending[a].Compare(f.pending[b]) })
	return ids[:min(len(ids), maxChecked)]
}

// check asks whether the events of ids are applied and records those that are.
func (f *Freshness) check(ctx context.Context, ids []string) {
	a, err := f.api.Do(ctx, "{ __typename }", nil, ids)
	now := time.Now()
	if err == nil && a.Extensions.Consistency == nil {
		err = fmt.Errorf("the answer has no extensions.consistency")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err != nil {
		if ctx.Err() == nil {
			f.lastErr = err
		}
		return
	}
	for _, id := range ids {
		if at, ok := f.pending[id]; ok && !slices.Contains(a.Extensions.Consistency.Pending, id) {
			f.lat.Add(now.Sub(at))
			delete(f.pending, id)
		}
	}
}

// Wait returns once no event is pending, or an error when timeout passes.
func (f *Freshness) Wait(ctx context.Context, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		f.mu.Lock()
		n, lastErr := len(f.pending), f.lastErr
		f.mu.Unlock()
		switch {
		case n == 0:
			return nil
		case ctx.Err() != nil:
			return ctx.Err()
		case time.Now().After(deadline):
			return fmt.Errorf("%d events still not visible %s after the last command (last poll error: %v)", n, timeout, lastErr)
		}
		time.Sleep(f.every) // polling interval
	}
}

// Latencies are the freshness latencies measured so far.
func (f *Freshness) Latencies() *Latencies { return &f.lat }
