package rebuild

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/prontuario/prontuario/internal/kafkax"
)

// run is the state of one rebuild.
type run struct {
	cfg      Config
	broker   *kafkax.Admin
	group    string
	logger   *slog.Logger
	began    time.Time
	replayed int64
}

// catchUp waits until the rebuild has consumed everything that was in the
// topics when it started, then everything the live group has consumed.
func (r *run) catchUp(ctx context.Context, old string) error {
	topics := r.cfg.Live.Topics
	start, err := r.broker.EndOffsets(topics)
	if err != nil {
		return err
	}
	r.logger.Info("rebuilding the read model", "generation", r.cfg.Generation, "previous", old, "events", start.Total())
	if err := r.waitFor(ctx, start, "replaying"); err != nil {
		return err
	}
	live, err := r.broker.CommittedOffsets(r.cfg.Live.ConsumerGroup, topics)
	if err != nil {
		return err
	}
	return r.waitFor(ctx, live, "catching up with the live aggregator")
}

// afterSwitch waits out the live consumers' commit interval, then until the
// rebuild has consumed what the live group had committed by then.
func (r *run) afterSwitch(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(r.cfg.SwitchGrace):
	}
	live, err := r.broker.CommittedOffsets(r.cfg.Live.ConsumerGroup, r.cfg.Live.Topics)
	if err != nil {
		return err
	}
	return r.waitFor(ctx, live, "confirming the switch")
}

// waitFor polls the rebuild group's committed offsets until they reach
// target, printing progress.
func (r *run) waitFor(ctx context.Context, target kafkax.Offsets, phase string) error {
	total := target.Total()
	tick := time.NewTicker(r.cfg.PollInterval)
	defer tick.Stop()
	for {
		done, err := r.broker.CommittedOffsets(r.group, r.cfg.Live.Topics)
		if err != nil {
			return err
		}
		r.replayed = done.Total()
		r.printProgress(phase, r.replayed, total)
		if done.Reached(target) {
			fmt.Fprintln(r.cfg.Progress)
			return nil
		}
		select {
		case <-ctx.Done():
			fmt.Fprintln(r.cfg.Progress)
			return fmt.Errorf("rebuild interrupted while %s: %w", phase, ctx.Err())
		case <-tick.C:
		}
	}
}

// printProgress draws: phase [#####.....] 1234/5678 (21%) 950 ev/s ETA 4s
func (r *run) printProgress(phase string, done, total int64) {
	const width = 30
	frac := 1.0
	if total > 0 {
		frac = min(float64(done)/float64(total), 1)
	}
	bar := strings.Repeat("#", int(frac*width)) + strings.Repeat(".", width-int(frac*width))
	elapsed := r.cfg.Now().Sub(r.began).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(done) / elapsed
	}
	eta := "-"
	if rate > 0 && total > done {
		eta = time.Duration(float64(total-done) / rate * float64(time.Second)).Round(time.Second).String()
	}
	fmt.Fprintf(r.cfg.Progress, "\r%s [%s] %d/%d (%.0f%%) %.0f ev/s ETA %s ", phase, bar, done, total, frac*100, rate, eta)
}
