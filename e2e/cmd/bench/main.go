// Command bench measures Prontuario against the targets of the "Benchmarks"
// issue, prints one table and writes it to e2e/BENCHMARKS.md:
//
//	go run ./e2e/cmd/bench [-runs 3] [-backlog 100000] [-events 15000]
//	    [-mongo-events 300] [-fresh-for 20s] [-queries 200] [-rss-events 250000]
//	    [-only REGEXP] [-out e2e/BENCHMARKS.md]
//
// It compiles the benchmarks of package e2e/bench and the Prontuario
// binaries once, runs each benchmark in its own process with -benchtime 1x
// (each repeats its measurement -runs times), shows their output on stderr
// as they go, takes the median of every figure and builds the table. A
// benchmark that fails leaves its rows "not measured", saying why, and makes
// the command exit non-zero after the table was written. An interrupted run,
// or one limited by -only without -out, prints its table but leaves
// e2e/BENCHMARKS.md as it was. Run it from anywhere in the module; a
// relative -out is taken from the module's root.
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
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
