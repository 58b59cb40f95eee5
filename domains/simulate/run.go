package simulate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// Run registers the simulator's prescribers and formulary (idempotent), then
// runs cfg.Patients journeys (or until cfg.Duration), cfg.Concurrency at a
// time, pacing commands to cfg.Rate. progress (may be nil) gets a progress
// bar; sink (may be nil) gets every accepted command, concurrently.
// It fails only when the services cannot be set up; refused or failed
// commands are counted in the summary.
func Run(ctx context.Context, cfg Config, progress io.Writer, sink func(Accepted)) (Summary, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return Summary{}, err
	}
	if progress == nil {
		progress = io.Discard
	}
	lim := newLimiter(cfg.Rate)
	defer lim.stop()
	stats := newStats()
	var sinkMu sync.Mutex
	c := &client{retryFor: cfg.RetryFor, http: &http.Client{Timeout: cfg.RequestTimeout}, limiter: lim, stats: stats, sink: func(a Accepted) {
		if sink != nil {
			sinkMu.Lock()
			defer sinkMu.Unlock()
			sink(a)
		}
	}}
	if err := setUp(ctx, c, cfg); err != nil {
		return Summary{}, fmt.Errorf("set up the prescription service: %w", err)
	}
	began := time.Now()
	// feedCtx only stops new journeys: one under way finishes (with ctx).
	feedCtx := ctx
	if cfg.Duration > 0 {
		var cancel context.CancelFunc
		feedCtx, cancel = context.WithTimeout(ctx, cfg.Duration)
		defer cancel()
	}
	seeds := rand.New(rand.NewPCG(uint64(cfg.Seed), 0x9e3779b97f4a7c15))
	jobs := make(chan uint64)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		done     int
		complete int
	)
	for range cfg.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seed := range jobs {
				j := &journey{c: c, cfg: cfg, rng: rand.New(rand.NewPCG(seed, seed^0xabcdef)), now: time.Now().Add(-4 * time.Hour)}
				err := j.run(ctx)
				mu.Lock()
				done++
				if err == nil {
					complete++
				}
				stats.progress(progress, done, cfg.Patients, began)
				mu.Unlock()
			}
		}()
	}
feed:
	for range cfg.Patients {
		select {
		case jobs <- seeds.Uint64():
		case <-feedCtx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	fmt.Fprintln(progress)
	return stats.summary(complete, time.Since(began)), nil
}

// setUp registers the prescribers, medications and authorizations the
// journeys use; each admin endpoint is idempotent on its key.
func setUp(ctx context.Context, c *client, cfg Config) error {
	var errs []error
	for _, p := range prescribers {
		_, err := c.post(ctx, "RegisterPrescriber", cfg.PrescriptionURL+"/v1/prescribers",
			map[string]any{"id": p.ID, "name": p.Name, "specialty": p.Specialty, "license": p.License, "active": true})
		errs = append(errs, err)
	}
	for _, m := range medications {
		_, err := c.post(ctx, "RegisterMedication", cfg.PrescriptionURL+"/v1/medications",
			map[string]any{"code": m.Code, "name": m.Name, "class": m.Class})
		errs = append(errs, err)
	}
	for _, a := range authorizations {
		_, err := c.post(ctx, "AuthorizeClass", cfg.PrescriptionURL+"/v1/authorizations",
			map[string]any{"specialty": a.Specialty, "medicationClass": a.Class})
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
