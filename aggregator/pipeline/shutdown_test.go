package pipeline_test

import (
	"testing"

	"github.com/prontuario/prontuario/internal/kafkax"
)

// A stopped aggregator has committed the offset of everything it applied:
// a restart resumes after it instead of re-reading. The last events are
// applied a few milliseconds before the stop, well within the 1 s
// auto-commit interval, so their offsets are committed by the shutdown
// itself (the router finishing its handlers, then the consumer group
// closing), not by a periodic commit.
func TestAStoppedAggregatorHasCommittedWhatItApplied(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	stop := r.start()
	ev := visitEvents(t, "P-6", "E-6")
	r.publish(ev[:3]...)
	eventually(t, "the first events applied", func() bool { return r.auditCount("P-6") == 3 })
	r.publish(ev[3:]...)
	eventually(t, "every event applied", func() bool { return r.auditCount("P-6") == len(ev) })
	stop()

	admin, err := kafkax.NewAdmin(r.kcfg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	end, err := admin.EndOffsets(r.cfg.Topics)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := admin.CommittedOffsets(r.cfg.ConsumerGroup, r.cfg.Topics)
	if err != nil {
		t.Fatal(err)
	}
	if end.Total() != int64(len(ev)) {
		t.Fatalf("topics hold %d messages, want the %d published", end.Total(), len(ev))
	}
	if !committed.Reached(end) {
		t.Errorf("committed %v after the stop, want every applied offset %v", committed, end)
	}
}
