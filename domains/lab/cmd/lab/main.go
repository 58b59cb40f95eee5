// Command lab runs the lab service: its HTTP API, its database (SQLite by
// default, PostgreSQL by URL) and the relay that publishes its outbox to
// Kafka. It stops gracefully on SIGINT or SIGTERM.
//
// Configuration comes from the environment (see config.go):
//
//	PRONTUARIO_LAB_ADDR               listen address (default :8083)
//	PRONTUARIO_LAB_DATABASE_URL       database (default sqlite:.prontuario/lab.db)
//	PRONTUARIO_KAFKA_*                the broker (see internal/kafkax)
//	PRONTUARIO_LOG_LEVEL, _LOG_FORMAT logging (see internal/obs)
//	OTEL_EXPORTER_OTLP_ENDPOINT       export traces there (see internal/tracing)
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
		fmt.Fprintln(os.Stderr, "lab:", err)
		stop()
		os.Exit(1)
	}
}
