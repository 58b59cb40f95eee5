// Command graphql serves Prontuario's GraphQL query API over the read store
// the aggregator keeps current:
//
//	POST /graphql, GET /graphql   queries (a query page for browsers)
//	GET /healthz, /readyz, /metrics
//
// Configuration comes from the environment (see config.go); traces are
// exported when OTEL_EXPORTER_OTLP_ENDPOINT is set (see internal/tracing).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "graphql:", err)
		os.Exit(1)
	}
}
