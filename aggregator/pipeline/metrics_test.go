package pipeline_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// TestMetricsMoveWithWhatThePipelineDoes runs the pipeline with every
// instrument on one registry and checks each series the issue lists:
// events applied per topic and type (duplicates apart), apply latency,
// batch size, consumer lag, dead letters and per-source freshness. The
// events are published newest first, so a freshness gauge that followed
// each event in turn would end on the oldest.
func TestMetricsMoveWithWhatThePipelineDoes(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	reg := prometheus.NewRegistry()
	r.metrics = pipeline.NewMetrics(reg)
	lag := pipeline.NewLagGauge(reg)
	ev := visitEvents(t, "P-M", "E-M")
	newestFirst := slices.Clone(ev)
	slices.Reverse(newestFirst)
	r.publish(newestFirst...)
	r.publish(ev[0]) // published twice: a duplicate
	triage := r.topicOf[contracts.TopicTriage]
	valid, err := contracts.Encode(ev[0])
	if err != nil {
		t.Fatal(err)
	}
	r.publishRaw(triage, valid.Headers, []byte(`{not json`))

	admin, err := kafkax.NewAdmin(r.kcfg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := lag.Update(admin, r.cfg.ConsumerGroup, r.cfg.Topics); err != nil {
		t.Fatal(err)
	}
	if got := sumOf(t, reg, "prontuario_aggregator_consumer_lag"); got != float64(len(ev)+2) {
		t.Errorf("lag before consuming is %v, want every message published (%d)", got, len(ev)+2)
	}
	r.start()
	r.settled()
	if err := lag.Update(admin, r.cfg.ConsumerGroup, r.cfg.Topics); err != nil {
		t.Fatal(err)
	}
	got := gather(t, reg)
	opened := fmt.Sprintf(`prontuario_aggregator_events_applied_total{topic=%q,type=%q}`, triage, contracts.TypeEncounterOpened)
	corrected := fmt.Sprintf(`prontuario_aggregator_events_applied_total{topic=%q,type=%q}`, r.topicOf[contracts.TopicLab], contracts.TypeLabResultCorrected)
	want := map[string]float64{
		opened:    1,
		corrected: 1,
		fmt.Sprintf(`prontuario_aggregator_events_duplicate_total{topic=%q}`, triage):                               1,
		fmt.Sprintf(`prontuario_aggregator_dead_lettered_total{kind=%q,topic=%q}`, contracts.KindMalformed, triage): 1,
		`prontuario_aggregator_apply_latency_seconds_count`:                                                         float64(len(ev)),
		// Every request is in exactly one committed batch: the events, the
		// duplicate and the dead letter's record.
		`prontuario_aggregator_batch_size_sum`: float64(len(ev) + 2),
		// The newest occurredAt of each source, whatever the arrival order.
		newest(contracts.SourceTriage):       seconds(at(10)),
		newest(contracts.SourcePrescription): seconds(at(20)),
		newest(contracts.SourceLab):          seconds(at(90)),
	}
	for series, v := range want {
		if g, ok := got[series]; !ok || g != v {
			t.Errorf("%s = %v (present %v), want %v", series, g, ok, v)
		}
	}
	if n := sumOf(t, reg, "prontuario_aggregator_events_applied_total"); n != float64(len(ev)) {
		t.Errorf("%v events counted as applied, want %d (the duplicate apart)", n, len(ev))
	}
	if got["prontuario_aggregator_batch_size_count"] < 1 || got["prontuario_aggregator_commit_seconds_count"] < 1 {
		t.Errorf("no batch or commit observed: %v", got)
	}
	if n := sumOf(t, reg, "prontuario_aggregator_consumer_lag"); n != 0 {
		t.Errorf("lag after consuming is %v, want 0", n)
	}
	if t.Failed() {
		t.Logf("series: %s", strings.Join(keys(got), "\n"))
	}
}

// gather returns every series of reg by name and labels: counter and gauge
// values, and _count and _sum of histograms.
func gather(t *testing.T, reg *prometheus.Registry) map[string]float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			var labels []string
			for _, l := range m.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
			}
			name := mf.GetName()
			suffix := ""
			if len(labels) > 0 {
				suffix = "{" + strings.Join(labels, ",") + "}"
			}
			switch {
			case m.Counter != nil:
				out[name+suffix] = m.GetCounter().GetValue()
			case m.Gauge != nil:
				out[name+suffix] = m.GetGauge().GetValue()
			case m.Histogram != nil:
				out[name+"_count"+suffix] = float64(m.GetHistogram().GetSampleCount())
				out[name+"_sum"+suffix] = m.GetHistogram().GetSampleSum()
			}
		}
	}
	return out
}

// sumOf adds up every series of the named metric.
func sumOf(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	var sum float64
	for series, v := range gather(t, reg) {
		if series == name || strings.HasPrefix(series, name+"{") {
			sum += v
		}
	}
	return sum
}

func keys(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s %v", k, v))
	}
	sort.Strings(out)
	return out
}

// newest names the freshness gauge of a source.
func newest(s contracts.Source) string {
	return fmt.Sprintf(`prontuario_aggregator_newest_event_timestamp_seconds{source=%q}`, s)
}

// seconds is t as a Prometheus timestamp gauge renders it.
func seconds(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }
