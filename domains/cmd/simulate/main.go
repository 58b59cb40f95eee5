// Command simulate drives realistic traffic through the four domain services
// (see package simulate): go run ./domains/cmd/simulate -patients 50 -rate 100
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/prontuario/prontuario/domains/simulate"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "simulate:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg simulate.Config
	fs.IntVar(&cfg.Patients, "patients", 20, "patient journeys to run")
	fs.DurationVar(&cfg.Duration, "duration", 0, "stop starting journeys after this long (0: run them all)")
	fs.Float64Var(&cfg.Rate, "rate", 50, "commands per second, across all journeys")
	fs.IntVar(&cfg.Concurrency, "concurrency", 8, "journeys at once")
	fs.Int64Var(&cfg.Seed, "seed", 0, "seed for reproducible content (0: the clock)")
	accepted := fs.String("accepted-out", "", "write every accepted command as a JSON line to this file")
	fs.DurationVar(&cfg.RetryFor, "retry-for", 60*time.Second, "how long to retry a command that got no answer (same Idempotency-Key)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg.TriageURL = getenv("PRONTUARIO_TRIAGE_URL")
	cfg.PrescriptionURL = getenv("PRONTUARIO_PRESCRIPTION_URL")
	cfg.LabURL = getenv("PRONTUARIO_LAB_URL")
	cfg.ImagingURL = getenv("PRONTUARIO_IMAGING_URL")
	var sink func(simulate.Accepted)
	if *accepted != "" {
		f, err := os.Create(*accepted)
		if err != nil {
			return err
		}
		defer f.Close()
		enc := json.NewEncoder(f)
		sink = func(a simulate.Accepted) { _ = enc.Encode(a) }
	}
	progress := stderr
	if *quiet {
		progress = io.Discard
	}
	sum, err := simulate.Run(ctx, cfg, progress, sink)
	if err != nil {
		return err
	}
	sum.Print(stdout)
	if sum.GaveUp > 0 || sum.Rejected > 0 {
		return fmt.Errorf("%d commands rejected and %d given up", sum.Rejected, sum.GaveUp)
	}
	return nil
}
