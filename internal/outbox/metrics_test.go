package outbox_test

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/prontuario/prontuario/internal/obs/obstest"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

const (
	mBacklog   = "prontuario_outbox_backlog"
	mOldestAge = "prontuario_outbox_oldest_age_seconds"
	mPublished = "prontuario_outbox_published_total"
	mErrors    = "prontuario_outbox_publish_errors_total"
)

func TestOutboxMetricsFollowTheBacklogAndTheRelay(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		pub := &fakePublisher{down: true}
		r := startRelay(t, db, pub, outbox.RelayConfig{MinBackoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond, PollInterval: 10 * time.Millisecond})
		reg := prometheus.NewRegistry()
		reg.MustRegister(outbox.NewCollector(r))
		url := obstest.Serve(t, reg)

		m := obstest.Scrape(t, url)
		if m[mBacklog] != 0 || m[mOldestAge] != 0 || m[mPublished] != 0 {
			t.Errorf("empty outbox: backlog %v, oldest age %v, published %v; want 0s", m[mBacklog], m[mOldestAge], m[mPublished])
		}
		if _, ok := m[mErrors]; !ok {
			t.Errorf("%s is not exported", mErrors)
		}

		appendAll(t, db, "metrics", 3, 1, 3)
		m = obstest.Eventually(t, url, "the broker's refusals counted", func(s obstest.Series) bool { return s[mErrors] >= 2 })
		if m[mBacklog] != 3 || m[mOldestAge] <= 0 || m[mPublished] != 0 {
			t.Errorf("broker down: backlog %v, oldest age %v, published %v; want 3, > 0, 0", m[mBacklog], m[mOldestAge], m[mPublished])
		}
		age := m[mOldestAge]
		obstest.Eventually(t, url, "the waiting event ages", func(s obstest.Series) bool { return s[mOldestAge] > age })

		pub.setDown(false)
		m = obstest.Eventually(t, url, "the backlog drained", func(s obstest.Series) bool { return s[mBacklog] == 0 })
		if m[mPublished] != 3 || m[mOldestAge] != 0 {
			t.Errorf("drained: published %v, oldest age %v; want 3 and 0", m[mPublished], m[mOldestAge])
		}
	})
}

func TestOutboxMetricsLeaveTheGaugesOutWhenTheDatabaseIsGone(t *testing.T) {
	t.Parallel()
	db := openDB(t, "sqlite:"+t.TempDir()+"/gone.db")
	r, err := outbox.NewRelay(db, &fakePublisher{}, outbox.RelayConfig{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(outbox.NewCollector(r))
	url := obstest.Serve(t, reg)
	if _, ok := obstest.Scrape(t, url)[mBacklog]; !ok {
		t.Fatalf("%s missing while the database answers", mBacklog)
	}
	_ = db.Close()
	m := obstest.Scrape(t, url) // must not fail the scrape
	if _, ok := m[mBacklog]; ok {
		t.Errorf("%s exported from a closed database", mBacklog)
	}
	if _, ok := m[mPublished]; !ok {
		t.Errorf("%s missing: the counters do not need the database", mPublished)
	}
}
