package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// options are the launcher's command-line flags.
type options struct {
	dataDir string
	noDemo  bool
	binDir  string
}

func parseOptions(args []string, stderr io.Writer) (options, error) {
	if len(args) == 0 || args[0] != "run" {
		return options{}, errors.New("usage: prontuario run [-no-demo] [-data-dir .prontuario]")
	}
	fs := flag.NewFlagSet("prontuario run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.dataDir, "data-dir", ".prontuario", "where every component keeps its data (kept across runs)")
	fs.BoolVar(&o.noDemo, "no-demo", false, "skip the simulator's demo burst")
	fs.StringVar(&o.binDir, "bin-dir", "", "where the component binaries are (default: next to this binary)")
	if err := fs.Parse(args[1:]); err != nil {
		return options{}, err
	}
	if o.binDir == "" {
		self, err := os.Executable()
		if err != nil {
			return options{}, fmt.Errorf("find own binary: %w", err)
		}
		o.binDir = filepath.Dir(self)
	}
	return o, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	o, err := parseOptions(args, os.Stderr)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.dataDir, 0o755); err != nil {
		return fmt.Errorf("create data dir: %w", err)
	}
	tokens, err := devTokens(getenv, filepath.Join(o.dataDir, "dev-tokens"))
	if err != nil {
		return err
	}
	sup := newSupervisor(out)
	defer sup.stopAll()
	var started []component
	for _, c := range hospital() {
		if c.name == brokerComponent && externalKafka(getenv) {
			fmt.Fprintf(out, "  %-13s not started: PRONTUARIO_KAFKA_BROKERS points at %s\n", c.name, getenv("PRONTUARIO_KAFKA_BROKERS"))
			continue
		}
		bin := filepath.Join(o.binDir, c.name)
		if _, err := os.Stat(bin); err != nil {
			fmt.Fprintf(out, "  %-13s not built yet: skipped\n", c.name)
			continue
		}
		env := envFor(c, os.Environ(), o.dataDir, getenv)
		if c.name == "graphql" && tokens.env != "" {
			env = append(env, "PRONTUARIO_AUTH_TOKENS="+tokens.env)
		}
		if err := sup.start(ctx, c, exec.Command(bin), env); err != nil {
			return err
		}
		if err := waitReady(ctx, c, getenv, 60*time.Second); err != nil {
			return fmt.Errorf("%s did not become ready: %w", c.name, err)
		}
		started = append(started, c)
	}
	printSummary(out, started, getenv, tokens)
	if !o.noDemo {
		runDemo(ctx, out, o.binDir, getenv)
	}
	fmt.Fprintln(out, "Ctrl-C stops everything; data stays in", o.dataDir)
	return sup.wait(ctx)
}

func printSummary(out io.Writer, started []component, getenv func(string) string, tokens tokenSet) {
	fmt.Fprintln(out, "\nProntuario is up:")
	for _, c := range started {
		fmt.Fprintf(out, "  %-13s %s\n", c.name, c.url(getenv))
	}
	if tokens.printable != "" {
		fmt.Fprintln(out, "\nDevelopment tokens (send as 'Authorization: Bearer <token>'):")
		fmt.Fprint(out, tokens.printable)
	}
	fmt.Fprintln(out)
}

// runDemo drives a short burst of realistic traffic when the simulator is built.
func runDemo(ctx context.Context, out io.Writer, binDir string, getenv func(string) string) {
	bin := filepath.Join(binDir, "simulate")
	if _, err := os.Stat(bin); err != nil {
		return
	}
	fmt.Fprintln(out, "Running a demo burst of the simulator (skip with -no-demo)...")
	cmd := exec.CommandContext(ctx, bin, "-patients", "10", "-rate", "50")
	cmd.Env = simulatorEnv(os.Environ(), getenv)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(out, "demo burst failed (the services keep running):", err)
	}
}
