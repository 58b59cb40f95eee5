package outbox

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// statsTimeout bounds the backlog query of one scrape.
const statsTimeout = 2 * time.Second

// collector exports a relay's [Stats] at each scrape.
type collector struct {
	relay     *Relay
	backlog   *prometheus.Desc
	oldestAge *prometheus.Desc
	published *prometheus.Desc
	errors    *prometheus.Desc
}

// NewCollector returns the Prometheus collector of r's outbox:
// prontuario_outbox_backlog and prontuario_outbox_oldest_age_seconds
// (gauges read from the database at each scrape, the same for every relay
// of one database), prontuario_outbox_published_total and
// prontuario_outbox_publish_errors_total (this relay's counters). When the
// database does not answer within 2 s the gauges are left out of that
// scrape (and the failure logged) rather than failing it: /readyz reports
// the database. Register it once per relay.
func NewCollector(r *Relay) prometheus.Collector {
	return &collector{
		relay:     r,
		backlog:   prometheus.NewDesc("prontuario_outbox_backlog", "Events in the outbox waiting to be published.", nil, nil),
		oldestAge: prometheus.NewDesc("prontuario_outbox_oldest_age_seconds", "How long the oldest waiting event has waited; 0 when none waits.", nil, nil),
		published: prometheus.NewDesc("prontuario_outbox_published_total", "Events this relay published (acknowledged by the broker).", nil, nil),
		errors: prometheus.NewDesc("prontuario_outbox_publish_errors_total",
			"Relay batches that failed (a publish the broker refused, or the outbox could not be read or cleaned); each is retried after a backoff.", nil, nil),
	}
}

func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.backlog
	ch <- c.oldestAge
	ch <- c.published
	ch <- c.errors
}

func (c *collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), statsTimeout)
	defer cancel()
	// The counters are read after the backlog (Stats reads them last), so a
	// scrape never shows rows gone from the backlog but not yet counted as
	// published: a row is counted when acknowledged, before it is deleted.
	s, err := c.relay.Stats(ctx)
	if err != nil {
		c.relay.logger.Warn("outbox metrics: cannot read the backlog", "err", err)
		s = Stats{Published: c.relay.published.Load(), FailedBatches: c.relay.failures.Load()}
	}
	ch <- prometheus.MustNewConstMetric(c.published, prometheus.CounterValue, float64(s.Published))
	ch <- prometheus.MustNewConstMetric(c.errors, prometheus.CounterValue, float64(s.FailedBatches))
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(c.backlog, prometheus.GaugeValue, float64(s.Backlog))
	ch <- prometheus.MustNewConstMetric(c.oldestAge, prometheus.GaugeValue, s.OldestAge.Seconds())
}
