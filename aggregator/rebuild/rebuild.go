package rebuild

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// Generations is what the rebuild needs of the read store.
type Generations interface {
	ActiveGeneration(ctx context.Context) (string, error)
	ActivateGeneration(ctx context.Context, name string) error
	DropGeneration(ctx context.Context, name string) error
}

// OpenGeneration returns a store writing to the named generation.
type OpenGeneration func(ctx context.Context, name string) (pipeline.Store, error)

// Config tunes a rebuild.
type Config struct {
	// Kafka reaches the brokers.
	Kafka kafkax.Config
	// Live is the live aggregator's pipeline config: its consumer group and
	// topics. The rebuild consumes the same topics with its own group.
	Live pipeline.Config
	// Generation names the new generation. Default "r" + the UTC start time.
	Generation string
	// PollInterval is how often progress is checked and printed. Default 1 s.
	PollInterval time.Duration
	// SwitchGrace is waited after the switch before reading the live group's
	// offsets again; it must exceed the live consumers' offset auto-commit
	// interval (1 s). Default 3 s.
	SwitchGrace time.Duration
	// KeepOld keeps the previous generation after a successful switch.
	KeepOld bool
	// Progress receives the progress bar; nil prints nothing.
	Progress io.Writer
	// Now is the clock. Default time.Now.
	Now func() time.Time
}

func (c Config) withDefaults() Config {
	c.Live = c.Live.WithDefaults()
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Generation == "" {
		c.Generation = "r" + c.Now().UTC().Format("20060102_150405")
	}
	if c.PollInterval == 0 {
		c.PollInterval = time.Second
	}
	if c.SwitchGrace == 0 {
		c.SwitchGrace = 3 * time.Second
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	return c
}

// Result describes a finished rebuild.
type Result struct {
	Generation, Previous string
	// Replayed is the number of messages the rebuild consumed.
	Replayed int64
	Took     time.Duration
}

// Run rebuilds the read model into a new generation and switches to it.
// On error the active generation is unchanged unless the switch itself
// happened (then the error says so) and the new generation is left for
// inspection.
func Run(ctx context.Context, cfg Config, gens Generations, open OpenGeneration, logger *slog.Logger) (Result, error) {
	cfg = cfg.withDefaults()
	began := cfg.Now()
	res := Result{Generation: cfg.Generation}
	old, err := gens.ActiveGeneration(ctx)
	if err != nil {
		return res, fmt.Errorf("active generation: %w", err)
	}
	res.Previous = old
	if old == cfg.Generation {
		return res, fmt.Errorf("generation %s is the active one", old)
	}
	target, err := open(ctx, cfg.Generation)
	if err != nil {
		return res, fmt.Errorf("open generation %s: %w", cfg.Generation, err)
	}
	b, err := kafkax.NewAdmin(cfg.Kafka)
	if err != nil {
		return res, err
	}
	defer b.Close()
	r := &run{cfg: cfg, broker: b, group: cfg.Live.ConsumerGroup + "-rebuild-" + cfg.Generation, logger: logger, began: began}
	stop, err := r.startPipeline(ctx, target)
	if err != nil {
		return res, err
	}
	defer stop()
	if err := r.catchUp(ctx, old); err != nil {
		return res, err
	}
	if err := gens.ActivateGeneration(ctx, cfg.Generation); err != nil {
		return res, fmt.Errorf("switch to generation %s: %w", cfg.Generation, err)
	}
	logger.Info("readers switched to the rebuilt generation", "generation", cfg.Generation, "previous", old)
	if err := r.afterSwitch(ctx); err != nil {
		return res, fmt.Errorf("switched to %s, but could not confirm the events applied around the switch: %w", cfg.Generation, err)
	}
	res.Replayed = r.replayed
	stop()
	if !cfg.KeepOld {
		if err := gens.DropGeneration(ctx, old); err != nil {
			logger.Warn("could not drop the previous generation", "generation", old, "err", err)
		}
	}
	res.Took = cfg.Now().Sub(began)
	return res, nil
}

// startPipeline consumes every topic from the start into target.
func (r *run) startPipeline(ctx context.Context, target pipeline.Store) (stop func(), err error) {
	sub, err := kafkax.NewSubscriber(r.cfg.Kafka, r.group, nil)
	if err != nil {
		return nil, err
	}
	pub, err := kafkax.NewPublisher(r.cfg.Kafka, nil)
	if err != nil {
		sub.Close()
		return nil, err
	}
	pcfg := r.cfg.Live
	pcfg.ConsumerGroup = r.group
	pcfg.RecordDeadLettersOnly = true
	p, err := pipeline.New(pcfg, sub, pub, target, nil, r.logger)
	if err != nil {
		sub.Close()
		pub.Close()
		return nil, err
	}
	pctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan error, 1)
	go func() { done <- p.Run(pctx) }()
	stopped := false
	return func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			r.logger.Warn("rebuild pipeline stopped with an error", "err", err)
		}
		sub.Close()
		pub.Close()
	}, nil
}
