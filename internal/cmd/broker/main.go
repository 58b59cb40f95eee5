// Command broker runs the embedded Kafka-protocol broker (see package
// internal/broker) until it receives SIGINT or SIGTERM.
//
// Configuration comes from the environment:
//
//	PRONTUARIO_BROKER_ADDR             listen address (default 127.0.0.1:9092)
//	PRONTUARIO_BROKER_DATA_DIR         data directory (default .prontuario/broker)
//	PRONTUARIO_BROKER_PARTITIONS       partitions per topic (default 4)
//	PRONTUARIO_BROKER_RETENTION_BYTES  size cap per partition (default 1 GiB; -1 = unlimited)
//
// When it is ready it prints one line to stdout:
//
//	broker listening on 127.0.0.1:9092 (data dir .prontuario/broker)
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
	if err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "broker:", err)
		stop()
		os.Exit(1)
	}
}
