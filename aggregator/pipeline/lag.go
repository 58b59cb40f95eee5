package pipeline

import (
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/prontuario/prontuario/internal/kafkax"
)

// OffsetReader reads end offsets and a group's committed offsets.
type OffsetReader interface {
	EndOffsets(topics []string) (kafkax.Offsets, error)
	CommittedOffsets(group string, topics []string) (kafkax.Offsets, error)
}

// LagGauge is prontuario_aggregator_consumer_lag: messages not yet
// committed by the group, per topic and partition.
type LagGauge struct{ g *prometheus.GaugeVec }

// NewLagGauge creates and registers the gauge.
func NewLagGauge(reg prometheus.Registerer) *LagGauge {
	g := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "prontuario_aggregator_consumer_lag",
		Help: "Messages in the topic not yet committed by the aggregator's consumer group, per topic and partition.",
	}, []string{"topic", "partition"})
	reg.MustRegister(g)
	return &LagGauge{g: g}
}

// Update measures the lag once.
func (l *LagGauge) Update(r OffsetReader, group string, topics []string) error {
	ends, err := r.EndOffsets(topics)
	if err != nil {
		return err
	}
	done, err := r.CommittedOffsets(group, topics)
	if err != nil {
		return err
	}
	for topic, ps := range ends {
		for p, end := range ps {
			l.g.WithLabelValues(topic, strconv.Itoa(int(p))).Set(float64(max(end-done[topic][p], 0)))
		}
	}
	return nil
}

// Watch updates the gauge every interval until ctx ends.
func (l *LagGauge) Watch(ctx context.Context, r OffsetReader, group string, topics []string, every time.Duration, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := l.Update(r, group, topics); err != nil {
			logger.Debug("could not measure consumer lag", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
