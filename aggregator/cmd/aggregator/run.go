package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/rebuild"
	"github.com/prontuario/prontuario/aggregator/store/readstore"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/obs"
	"github.com/prontuario/prontuario/internal/tracing"
)

func run(ctx context.Context, args []string, getenv func(string) string) error {
	logger, err := obs.NewLogger(getenv, os.Stderr, "aggregator")
	if err != nil {
		return err
	}
	cfg, err := configFromEnv(getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	shutdown, err := tracing.Setup(ctx, "aggregator", getenv)
	if err != nil {
		return err
	}
	defer shutdown.Close(logger)
	cmd := "run"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "run":
		return runLive(ctx, cfg, logger)
	case "rebuild":
		return runRebuild(ctx, cfg, args, logger)
	}
	return fmt.Errorf("unknown command %q: want run or rebuild", cmd)
}

// runLive consumes until ctx ends, serving the operations endpoints.
func runLive(ctx context.Context, cfg config, logger *slog.Logger) error {
	st, err := readstore.Open(ctx, cfg.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	wlog := watermill.NewSlogLogger(logger)
	sub, err := subscriber(cfg, wlog)
	if err != nil {
		return err
	}
	defer sub.Close()
	pub, err := kafkax.NewPublisher(cfg.Kafka, wlog)
	if err != nil {
		return err
	}
	defer pub.Close()
	reg := obs.NewRegistry()
	pcfg := pipeline.Config{ConsumerGroup: cfg.Group}.WithDefaults()
	p, err := pipeline.New(pcfg, sub, pub, followActive{st}, pipeline.NewMetrics(reg), logger)
	if err != nil {
		return err
	}
	admin, err := kafkax.NewAdmin(cfg.Kafka)
	if err != nil {
		return err
	}
	defer admin.Close()
	lagCtx, stopLag := context.WithCancel(ctx)
	defer stopLag()
	go pipeline.NewLagGauge(reg).Watch(lagCtx, admin, pcfg.ConsumerGroup, pcfg.Topics, 10*time.Second, logger)
	mux := http.NewServeMux()
	obs.Mount(mux, reg, func(ctx context.Context) error {
		select {
		case <-p.Running():
		default:
			return errors.New("consumers not subscribed yet")
		}
		_, err := st.ActiveGeneration(ctx)
		return err
	})
	serveCtx, stopServing := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- obs.Serve(serveCtx, cfg.Addr, mux, logger, nil) }()
	runErr := p.Run(ctx)
	stopServing()
	return errors.Join(runErr, <-served)
}

// runRebuild replays every topic into a new generation and switches to it.
func runRebuild(ctx context.Context, cfg config, args []string, logger *slog.Logger) error {
	fs := flag.NewFlagSet("aggregator rebuild", flag.ContinueOnError)
	gen := fs.String("generation", "", "name of the new generation (default r<date>_<time>)")
	keep := fs.Bool("keep-old", false, "keep the previous generation after the switch")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := readstore.Open(ctx, cfg.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := rebuild.Run(ctx, rebuild.Config{
		Kafka: cfg.Kafka, Live: pipeline.Config{ConsumerGroup: cfg.Group}, Generation: *gen, KeepOld: *keep, Progress: os.Stderr,
	}, st, func(ctx context.Context, name string) (pipeline.Store, error) {
		return readstore.OpenGeneration(ctx, st, name)
	}, logger)
	if err != nil {
		return err
	}
	fmt.Printf("rebuilt generation %s from %d messages in %s; readers switched from %s\n", res.Generation, res.Replayed, res.Took.Round(1e6), res.Previous)
	return nil
}

// subscriber is the live pipeline's: static members when the replica has
// an instance id, dynamic ones otherwise.
func subscriber(cfg config, wlog watermill.LoggerAdapter) (message.Subscriber, error) {
	if cfg.InstanceID != "" {
		return kafkax.NewStaticSubscriber(cfg.Kafka, cfg.Group, cfg.InstanceID, wlog)
	}
	return kafkax.NewSubscriber(cfg.Kafka, cfg.Group, wlog)
}
