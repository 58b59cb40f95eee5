package outbox

import "time"

// backoff is the wait before retry number attempt (1 for the first):
// exponential from lo, doubling each attempt, capped at hi, then scaled by a
// jitter of ±20% (u is uniform in [0, 1)) so several relays do not retry in
// lockstep, and capped at hi again.
func backoff(attempt int, lo, hi time.Duration, u float64) time.Duration {
	d := lo << min(max(attempt-1, 0), 30)
	if d <= 0 || d > hi {
		d = hi
	}
	jitter := 0.8 + 0.4*u
	return min(time.Duration(float64(d)*jitter), hi)
}
