// Command imaging runs the imaging service: the HTTP API of imaging studies
// and their reports, and the relay of its events to Kafka. Configuration
// comes from the environment: PRONTUARIO_IMAGING_ADDR (default ":8084"),
// PRONTUARIO_IMAGING_DATABASE_URL (default "sqlite:.prontuario/imaging.db")
// and PRONTUARIO_KAFKA_* (see internal/kafkax).
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/prontuario/prontuario/domains/imaging/service"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil)).With("service", "imaging")
	if err := run(ctx, os.Getenv, logger); err != nil {
		logger.Error("imaging stopped", "err", err)
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
