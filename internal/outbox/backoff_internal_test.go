package outbox

import (
	"testing"
	"time"
)

func TestBackoffDoublesUpToTheCapWithBoundedJitter(t *testing.T) {
	t.Parallel()
	const lo, hi = 100 * time.Millisecond, 5 * time.Second
	cases := []struct {
		attempt int
		base    time.Duration // before jitter
	}{
		{1, 100 * time.Millisecond}, {2, 200 * time.Millisecond}, {3, 400 * time.Millisecond},
		{4, 800 * time.Millisecond}, {6, 3200 * time.Millisecond}, {7, hi}, {40, hi}, {1 << 20, hi},
	}
	for _, c := range cases {
		if got := backoff(c.attempt, lo, hi, 0.5); got != min(c.base, hi) {
			t.Errorf("backoff(%d) without jitter = %s, want %s", c.attempt, got, c.base)
		}
		lowest, highest := backoff(c.attempt, lo, hi, 0), backoff(c.attempt, lo, hi, 0.999999)
		if want := time.Duration(float64(c.base) * 0.8); lowest != want {
			t.Errorf("backoff(%d) lowest = %s, want %s (-20%%)", c.attempt, lowest, want)
		}
		if want := min(time.Duration(float64(c.base)*1.2), hi); highest < want-want/100000 || highest > want {
			t.Errorf("backoff(%d) highest = %s, want %s (+20%%, never past the cap)", c.attempt, highest, want)
		}
	}
}

func TestBackoffJitterStaysWithinBounds(t *testing.T) {
	t.Parallel()
	const lo, hi = 10 * time.Millisecond, time.Second
	for i := range 1000 {
		u := float64(i) / 1000
		for attempt := 1; attempt <= 10; attempt++ {
			base := min(lo<<(attempt-1), hi)
			got := backoff(attempt, lo, hi, u)
			if got < time.Duration(float64(base)*0.8) || got > min(time.Duration(float64(base)*1.2), hi) {
				t.Fatalf("backoff(%d, u=%v) = %s, outside [0.8, 1.2] x %s capped at %s", attempt, u, got, base, hi)
			}
		}
	}
}

func TestBackoffOfAZeroAttemptIsTheMinimum(t *testing.T) {
	t.Parallel()
	if got := backoff(0, time.Second, time.Minute, 0.5); got != time.Second {
		t.Errorf("backoff(0) = %s, want the minimum", got)
	}
}
