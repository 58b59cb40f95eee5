package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/prontuario/prontuario/internal/broker"
)

// run starts the broker described by the environment, reports where it
// listens on stdout, and stops it when ctx is done.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 1 {
		return errors.New("takes no arguments; configure it with PRONTUARIO_BROKER_* environment variables")
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	cfg, err := configFromEnv(getenv)
	if err != nil {
		return err
	}
	cfg.Logger = logger

	b, err := broker.Start(cfg)
	if err != nil {
		return err
	}
	defer b.Close()
	if _, err := fmt.Fprintf(stdout, "broker listening on %s (data dir %s)\n", b.Addr(), cfg.DataDir); err != nil {
		return fmt.Errorf("write ready line: %w", err)
	}

	<-ctx.Done()
	logger.Info("shutting down", "cause", context.Cause(ctx))
	return nil
}
