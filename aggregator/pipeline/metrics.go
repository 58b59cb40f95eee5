package pipeline

import (
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/prontuario/prontuario/contracts"
)

// Metrics are the pipeline's Prometheus instruments. A nil *Metrics records
// nothing, so tests need not register any. It is safe for concurrent use.
type Metrics struct {
	applied      *prometheus.CounterVec
	duplicates   *prometheus.CounterVec
	deadLettered *prometheus.CounterVec
	batchSize    prometheus.Histogram
	commitTime   prometheus.Histogram
	commitErrors prometheus.Counter
	applyLatency prometheus.Histogram
	newestEvent  *prometheus.GaugeVec

	mu     sync.Mutex // guards newest
	newest map[contracts.Source]time.Time
}

// NewMetrics creates the instruments and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		applied: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "prontuario_aggregator_events_applied_total",
			Help: "Events applied for the first time, by topic and event type (duplicates are counted apart).",
		}, []string{"topic", "type"}),
		duplicates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "prontuario_aggregator_events_duplicate_total",
			Help: "Deliveries of events the read model already held (redeliveries, events published twice), by topic; they change nothing.",
		}, []string{"topic"}),
		deadLettered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "prontuario_aggregator_dead_lettered_total", Help: "Messages sent to the dead-letter topic, by topic and error kind.",
		}, []string{"topic", "kind"}),
		batchSize: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "prontuario_aggregator_batch_size", Help: "Events per store commit.",
			Buckets: prometheus.ExponentialBuckets(1, 2, 10),
		}),
		commitTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "prontuario_aggregator_commit_seconds", Help: "Duration of one batch: load, apply, commit.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}),
		commitErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "prontuario_aggregator_commit_errors_total", Help: "Batches whose store commit failed (retried).",
		}),
		applyLatency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "prontuario_aggregator_apply_latency_seconds", Help: "From the event's commit in its source service (recorded-at) to its first apply here.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 16),
		}),
		newestEvent: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "prontuario_aggregator_newest_event_timestamp_seconds",
			Help: "Occurred-at time of the newest event applied, per source: the read store's freshness (newestEventTime); it never goes back.",
		}, []string{"source"}),
		newest: map[contracts.Source]time.Time{},
	}
	reg.MustRegister(m.applied, m.duplicates, m.deadLettered, m.batchSize, m.commitTime, m.commitErrors, m.applyLatency, m.newestEvent)
	return m
}

func (m *Metrics) observeBatch(reqs []request, results []outcome, err error) {
	if m == nil {
		return
	}
	m.batchSize.Observe(float64(len(reqs)))
	if err != nil {
		m.commitErrors.Inc()
		return
	}
	now := time.Now()
	for i, r := range reqs {
		if r.delivery == nil || results[i].err != nil {
			continue
		}
		e := r.delivery.Event
		if results[i].duplicate {
			m.duplicates.WithLabelValues(r.delivery.Topic).Inc()
			continue
		}
		m.applied.WithLabelValues(r.delivery.Topic, string(e.Type)).Inc()
		if !e.RecordedAt.IsZero() {
			m.applyLatency.Observe(now.Sub(e.RecordedAt).Seconds())
		}
		m.markNewest(e.Source, e.OccurredAt)
	}
}

// markNewest raises the source's freshness gauge to t, never lowering it:
// events arrive out of order across partitions.
func (m *Metrics) markNewest(src contracts.Source, t time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !t.After(m.newest[src]) {
		return
	}
	m.newest[src] = t
	m.newestEvent.WithLabelValues(string(src)).Set(float64(t.UnixNano()) / 1e9)
}

func (m *Metrics) observeCommit(d time.Duration) {
	if m != nil {
		m.commitTime.Observe(d.Seconds())
	}
}

func (m *Metrics) observeDeadLetter(topic, kind string) {
	if m != nil {
		m.deadLettered.WithLabelValues(topic, kind).Inc()
	}
}
