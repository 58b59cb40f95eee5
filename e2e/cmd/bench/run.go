package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
	"github.com/prontuario/prontuario/e2e/harness"
)

// run builds, runs every selected benchmark, prints the table to stdout and
// writes it to the output file; progress goes to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseConfig(args, stderr)
	if err != nil {
		return err
	}
	began := time.Now()
	machine, err := bench.ReadMachine(began)
	if err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "prontuario-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Fprintln(stderr, "bench: building the benchmarks and the Prontuario binaries")
	testBinary, err := buildTests(ctx, cfg.Go, root, tmp)
	if err != nil {
		return err
	}
	bins, err := harness.Build(filepath.Join(tmp, "bin"))
	if err != nil {
		return fmt.Errorf("build the Prontuario binaries: %w", err)
	}

	var results bench.Results
	failed := map[string]string{}
	for _, name := range bench.Benchmarks() {
		if !cfg.Only.MatchString(name) {
			failed[name] = fmt.Sprintf("not run: -only %q", cfg.Only)
			continue
		}
		if ctx.Err() != nil {
			failed[name] = "not run: interrupted"
			continue
		}
		fmt.Fprintf(stderr, "bench: %s\n", name)
		rs, err := runBenchmark(ctx, testBinary, root, name, cfg, bins.Dir, stderr)
		results = append(results, rs...)
		if err != nil {
			failed[name] = err.Error()
			fmt.Fprintf(stderr, "bench: %s failed: %v\n", name, err)
		}
	}

	report := bench.Report{Machine: machine, Command: commandLine(args), Runs: cfg.Sizes.Runs, Took: time.Since(began),
		Rows: bench.Rows(results, cfg.Sizes, failed), Notes: bench.Notes()}
	md := report.Markdown()
	fmt.Fprint(stdout, md)
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("interrupted: %s left as it was", cfg.Out)
	case !cfg.Write:
		fmt.Fprintf(stderr, "bench: only some benchmarks ran: %s left as it was (give -out to write this table)\n", cfg.Out)
	default:
		out := cfg.Out
		if !filepath.IsAbs(out) {
			out = filepath.Join(root, out)
		}
		if err := os.WriteFile(out, []byte(md), 0o644); err != nil {
			return fmt.Errorf("write the table: %w", err)
		}
		fmt.Fprintf(stderr, "bench: wrote %s\n", out)
	}
	return failures(failed)
}

// failures is an error naming the benchmarks that ran and failed.
func failures(failed map[string]string) error {
	var names []string
	for name, why := range failed {
		if !strings.HasPrefix(why, "not run: -only") {
			names = append(names, name+": "+why)
		}
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	return fmt.Errorf("%d benchmarks did not finish:\n  %s", len(names), strings.Join(names, "\n  "))
}

// commandLine is how the table says it was made.
func commandLine(args []string) string {
	return strings.TrimSpace("go run ./e2e/cmd/bench " + strings.Join(args, " "))
}

// moduleRoot finds the directory of Prontuario's go.mod at or above the
// working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		raw, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(raw), "module github.com/prontuario/prontuario\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run bench inside the prontuario module: no go.mod of it above the working directory")
		}
		dir = parent
	}
}
