// Command aggregator consumes every domain topic and keeps each patient's
// consolidated history current in the read store.
//
//	aggregator [run]                         consume (the default)
//	aggregator rebuild [-keep-old] [-generation NAME]
//	                                         replay every topic into a new
//	                                         generation, then switch to it
//
// Configuration comes from the environment (see config.go and README.md).
// Each applied message is traced, continuing the trace of the command that
// caused it, when OTEL_EXPORTER_OTLP_ENDPOINT is set (see internal/tracing).
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
	if err := run(ctx, os.Args[1:], os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "aggregator:", err)
		os.Exit(1)
	}
}
