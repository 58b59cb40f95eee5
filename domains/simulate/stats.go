package simulate

import (
	"fmt"
	"io"
	"sort"
	"sync"
	"time"
)

// Stats counts outcomes and keeps latencies; safe for concurrent use.
type Stats struct {
	mu        sync.Mutex
	accepted  int
	rejected  int
	failed    int
	gaveUp    int
	latencies []time.Duration
	byCommand map[string]int
}

func newStats() *Stats { return &Stats{byCommand: map[string]int{}} }

func (s *Stats) record(command string, status int, err error, took time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case err != nil || status/100 == 5:
		s.failed++
	case status/100 == 2:
		s.accepted++
		s.byCommand[command]++
		s.latencies = append(s.latencies, took)
	default:
		s.rejected++
	}
}

// giveUp counts a command abandoned after its retry window.
func (s *Stats) giveUp() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gaveUp++
}

// Summary is the outcome of a run. Accepted and Rejected count commands;
// Failed counts tries that got no answer or a 5xx (each retried with the
// command's Idempotency-Key); GaveUp counts commands still failing when
// their retry window ran out: only those are lost.
type Summary struct {
	Accepted, Rejected, Failed, GaveUp int
	// Journeys counts patients whose whole journey was accepted.
	Journeys      int
	ByCommand     map[string]int
	P50, P95, P99 time.Duration
	Took          time.Duration
}

func (s *Stats) summary(journeys int, took time.Duration) Summary {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := append([]time.Duration(nil), s.latencies...)
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	pct := func(p float64) time.Duration {
		if len(l) == 0 {
			return 0
		}
		return l[min(len(l)-1, int(p*float64(len(l))))]
	}
	by := map[string]int{}
	for k, v := range s.byCommand {
		by[k] = v
	}
	return Summary{Accepted: s.accepted, Rejected: s.rejected, Failed: s.failed, GaveUp: s.gaveUp, Journeys: journeys,
		ByCommand: by, P50: pct(0.50), P95: pct(0.95), P99: pct(0.99), Took: took}
}

func (s *Stats) progress(w io.Writer, done, total int, began time.Time) {
	s.mu.Lock()
	acc, rej, fail := s.accepted, s.rejected, s.failed
	s.mu.Unlock()
	const width = 30
	filled := width * done / max(total, 1)
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	rate := float64(acc+rej+fail) / max(time.Since(began).Seconds(), 1e-9)
	fmt.Fprintf(w, "\r[%s] %d/%d patients  %d accepted  %d rejected  %d failed  %.0f cmd/s ", bar, done, total, acc, rej, fail, rate)
}

// Print writes the summary for a person.
func (s Summary) Print(w io.Writer) {
	fmt.Fprintf(w, "simulated %d complete patient journeys in %s\n", s.Journeys, s.Took.Round(time.Millisecond))
	fmt.Fprintf(w, "commands: %d accepted, %d rejected, %d given up (after %d failed tries, retried)\n", s.Accepted, s.Rejected, s.GaveUp, s.Failed)
	fmt.Fprintf(w, "latency of accepted commands: p50 %s  p95 %s  p99 %s\n", s.P50.Round(time.Microsecond), s.P95.Round(time.Microsecond), s.P99.Round(time.Microsecond))
	keys := make([]string, 0, len(s.ByCommand))
	for k := range s.ByCommand {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-22s %d\n", k, s.ByCommand[k])
	}
}
