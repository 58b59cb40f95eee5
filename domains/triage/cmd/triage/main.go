// Command triage runs the triage service: the HTTP API of encounters and
// triage assessments, and the relay of its events to Kafka. Configuration
// comes from the environment: PRONTUARIO_TRIAGE_ADDR (default ":8081"),
// PRONTUARIO_TRIAGE_DATABASE_URL (default "sqlite:.prontuario/triage.db"),
// PRONTUARIO_KAFKA_* (see internal/kafkax), PRONTUARIO_LOG_LEVEL and
// PRONTUARIO_LOG_FORMAT (see internal/obs) and, to export traces,
// OTEL_EXPORTER_OTLP_ENDPOINT (see internal/tracing). Metrics are on GET
// /metrics of the HTTP address. It stops gracefully on SIGINT or SIGTERM.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/prontuario/prontuario/domains/triage/service"
	"github.com/prontuario/prontuario/internal/obs"
	"github.com/prontuario/prontuario/internal/tracing"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Getenv, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "triage:", err)
		stop()
		os.Exit(1)
	}
}

// run configures logging, tracing and the service from getenv and runs it
// until ctx is done; logs go to stderr.
func run(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	logger, err := obs.NewLogger(getenv, stderr, "triage")
	if err != nil {
		return err
	}
	cfg, err := service.ConfigFromEnv(getenv)
	if err != nil {
		return err
	}
	shutdown, err := tracing.Setup(ctx, "triage", getenv)
	if err != nil {
		return err
	}
	defer shutdown.Close(logger)
	return service.Run(ctx, cfg, logger)
}
