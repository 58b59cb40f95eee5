package idempotency

import (
	"context"
	"log/slog"
	"time"
)

// Defaults for a service's purge of old answers ([Store.PurgeEvery]).
const (
	// DefaultTTL is how long a service keeps the answer to a key: a client
	// retrying within a day gets the first answer back.
	DefaultTTL = 24 * time.Hour
	// DefaultPurgeInterval is how often the expired answers are deleted.
	DefaultPurgeInterval = time.Hour
)

// PurgeEvery deletes the answers saved more than ttl ago at once and then
// every interval, until ctx is done. Failures are logged (a nil logger
// discards them) and retried at the next tick: an answer kept a little
// longer is harmless. Run it in its own goroutine, one per database.
func (s *Store) PurgeEvery(ctx context.Context, ttl, interval time.Duration, logger *slog.Logger) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if n, err := s.Purge(ctx, ttl); err != nil && ctx.Err() == nil {
			logger.Warn("purge idempotency keys", "err", err)
		} else if n > 0 {
			logger.Info("purged idempotency keys", "count", n, "ttl", ttl)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
