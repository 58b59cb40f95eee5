package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
)

// buildTests compiles package e2e/bench's test binary into dir.
func buildTests(ctx context.Context, goCmd, root, dir string) (string, error) {
	binary := filepath.Join(dir, "bench.test")
	cmd := exec.CommandContext(ctx, goCmd, "test", "-c", "-o", binary, "./e2e/bench")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("compile the benchmarks: %w\n%s", err, out)
	}
	return binary, nil
}

// failureLine is how a test binary reports a b.Fatal or b.Error.
var failureLine = regexp.MustCompile(`^\s+\S+_test\.go:\d+: (.+)$`)

// runBenchmark runs one benchmark in its own process, copying its output to
// progress as it comes, and returns the results it printed. Its error
// carries the benchmark's first failure message.
func runBenchmark(ctx context.Context, testBinary, root, name string, cfg config, binDir string, progress io.Writer) (bench.Results, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	args := append([]string{"-test.run=^$", "-test.bench=^" + name + "$", "-test.benchtime=1x", "-test.count=1",
		"-test.timeout=0", "-bench.bin=" + binDir}, cfg.Sizes.Args("bench.")...)
	cmd := exec.CommandContext(ctx, testBinary, args...)
	cmd.Dir = filepath.Join(root, "e2e", "bench")
	cmd.Stderr = progress
	cmd.WaitDelay = 10 * time.Second
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	var (
		results bench.Results
		reason  string
	)
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(progress, line)
		if r, ok := bench.ParseResult(line); ok {
			results = append(results, r)
		}
		if m := failureLine.FindStringSubmatch(line); m != nil && reason == "" {
			reason = m[1]
		}
	}
	err = errors.Join(sc.Err(), cmd.Wait())
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return results, fmt.Errorf("killed after the -timeout of %s", cfg.Timeout)
	case err != nil && reason != "":
		return results, errors.New(strings.TrimSpace(reason))
	case err != nil:
		return results, fmt.Errorf("%s: %w (see its output above)", name, err)
	case reason != "":
		return results, errors.New(strings.TrimSpace(reason))
	}
	return results, nil
}
