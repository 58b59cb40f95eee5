package pipeline_test

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/internal/kafkax"
)

func TestLagIsTheEndOffsetMinusTheCommittedOffset(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	ev := visitEvents(t, "P-L", "E-L")
	r.publish(ev...) // nothing consumes: the lag is everything published
	admin, err := kafkax.NewAdmin(r.kcfg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	reg := prometheus.NewRegistry()
	lag := pipeline.NewLagGauge(reg)
	if err := lag.Update(admin, r.cfg.ConsumerGroup, r.cfg.Topics); err != nil {
		t.Fatal(err)
	}
	var (
		total  float64
		series int
	)
	mfs, _ := reg.Gather()
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			total += m.GetGauge().GetValue()
			series++
		}
	}
	if series != len(r.cfg.Topics)*4 {
		t.Errorf("%d lag series, want one per partition (%d)", series, len(r.cfg.Topics)*4)
	}
	if int(total) != len(ev) {
		t.Errorf("total lag %v, want %d", total, len(ev))
	}
	r.start()
	eventually(t, "the lag to drop to zero once consumed and committed", func() bool {
		if err := lag.Update(admin, r.cfg.ConsumerGroup, r.cfg.Topics); err != nil {
			t.Fatal(err)
		}
		mfs, _ := reg.Gather()
		for _, mf := range mfs {
			for _, m := range mf.GetMetric() {
				if m.GetGauge().GetValue() != 0 {
					return false
				}
			}
		}
		return true
	})
}
