// Command prescription runs the prescription service: its HTTP API, its
// database (SQLite by default, PostgreSQL by URL) and the relay that
// publishes its outbox to Kafka. It stops gracefully on SIGINT or SIGTERM.
//
// Configuration comes from the environment (see config.go):
//
//	PRONTUARIO_PRESCRIPTION_ADDR          listen address (default :8082)
//	PRONTUARIO_PRESCRIPTION_DATABASE_URL  database (default sqlite:.prontuario/prescription.db)
//	PRONTUARIO_PRESCRIPTION_SEED_DEMO     seed the demo catalog on start (default true)
//	PRONTUARIO_KAFKA_*                    the broker (see internal/kafkax)
//	PRONTUARIO_LOG_LEVEL, _LOG_FORMAT     logging (see internal/obs)
//	OTEL_EXPORTER_OTLP_ENDPOINT           export traces there (see internal/tracing)
//
// Prometheus metrics are served on GET /metrics of the listen address.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Getenv, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "prescription:", err)
		stop()
		os.Exit(1)
	}
}
