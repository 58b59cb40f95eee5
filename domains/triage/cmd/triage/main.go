// Command triage runs the triage service: the HTTP API of encounters and
// triage assessments, and the relay of its events to Kafka. Configuration
// comes from the environment: PRONTUARIO_TRIAGE_ADDR (default ":8081"),
// PRONTUARIO_TRIAGE_DATABASE_URL (default "sqlite:.prontuario/triage.db")
// and PRONTUARIO_KAFKA_* (see internal/kafkax).
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/prontuario/prontuario/domains/triage/service"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil)).With("service", "triage")
	if err := run(ctx, os.Getenv, logger); err != nil {
		logger.Error("triage stopped", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, getenv func(string) string, logger *slog.Logger) error {
	cfg, err := service.ConfigFromEnv(getenv)
	if err != nil {
		return err
	}
	return service.Run(ctx, cfg, logger)
}
