package obstest

import (
	"strings"
	"testing"
)

// Restarter is a broker a test can bring back (kafkatest.Broker).
type Restarter interface{ Restart(t testing.TB) }

// RelayRecovers checks a service's outbox relay through an outage of
// broker, which the test started down before sending the commands of n
// events: the relay counts and logs its failures while the n events wait in
// the backlog; after the broker is restarted they are all published and the
// backlog empties. It returns the last scrape of metricsURL.
func RelayRecovers(t testing.TB, broker Restarter, metricsURL string, logs *Logs, n float64) Series {
	t.Helper()
	m := Eventually(t, metricsURL, "the relay's failures counted", func(s Series) bool {
		return s["prontuario_outbox_publish_errors_total"] >= 1
	})
	if m["prontuario_outbox_backlog"] != n || m["prontuario_outbox_oldest_age_seconds"] <= 0 {
		t.Errorf("broker down: backlog %v, oldest age %v; want %v and > 0", m["prontuario_outbox_backlog"], m["prontuario_outbox_oldest_age_seconds"], n)
	}
	if !strings.Contains(logs.String(), "outbox relay batch failed") {
		t.Errorf("the relay's failure was not logged: %s", logs.String())
	}
	broker.Restart(t)
	return Eventually(t, metricsURL, "the events published", func(s Series) bool {
		return s["prontuario_outbox_published_total"] == n && s["prontuario_outbox_backlog"] == 0 && s["prontuario_outbox_oldest_age_seconds"] == 0
	})
}

// CheckCounted checks that each series went from 0 in before to its wanted
// value in after.
func CheckCounted(t testing.TB, before, after Series, want map[string]float64) {
	t.Helper()
	for series, n := range want {
		if before[series] != 0 || after[series] != n {
			t.Errorf("%s went from %v to %v, want 0 to %v", series, before[series], after[series], n)
		}
	}
}
