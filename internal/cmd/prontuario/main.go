// Command prontuario brings up the whole hospital on embedded defaults: the
// Kafka-protocol broker, the four domain services, the aggregator and the
// GraphQL API, each as its own process (so an operator, or the e2e suite, can
// kill and restart any of them), with their data under .prontuario/.
//
//	prontuario run [-no-demo]
//
// It starts the binaries that sit next to it (make build puts them in
// .prontuario/bin), waits for each to be ready, prints the URLs, the ports and
// a development token per role, runs a short simulator burst so the first
// query shows real data, and stops everything cleanly on Ctrl-C.
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
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "prontuario:", err)
		os.Exit(1)
	}
}
