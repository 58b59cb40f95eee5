package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"time"

	"github.com/prontuario/prontuario/e2e/bench"
)

// config is the command line.
type config struct {
	// Sizes are the workloads, passed on to the benchmarks.
	Sizes bench.Sizes
	// Only selects the benchmarks to run by name; default all.
	Only *regexp.Regexp
	// Out is the file the table is written to; a relative path is taken
	// from the module root. Default e2e/BENCHMARKS.md.
	Out string
	// Write is false when only some benchmarks run (-only) and -out was
	// not given: a partial table must not replace the whole one.
	Write bool
	// Go is the go command. Default "go" from PATH.
	Go string
	// Timeout bounds each benchmark process. Default 30m.
	Timeout time.Duration
}

// parseConfig reads the flags, reporting every problem at once; usage goes
// to usage.
func parseConfig(args []string, usage io.Writer) (config, error) {
	c := config{Sizes: bench.DefaultSizes()}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(usage)
	c.Sizes.RegisterFlags(fs, "")
	only := fs.String("only", "", "run only the benchmarks whose name matches this `regexp` (the others' rows read \"not measured\"; the table is written only with an explicit -out)")
	fs.StringVar(&c.Out, "out", "e2e/BENCHMARKS.md", "`file` the table is written to (a relative path is taken from the module root)")
	fs.StringVar(&c.Go, "go", "go", "the go `command`")
	fs.DurationVar(&c.Timeout, "timeout", 30*time.Minute, "bound of each benchmark process")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	outGiven := false
	fs.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "out" })
	c.Write = *only == "" || outGiven
	var errs []error
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected arguments %q: every option is a flag", fs.Args()))
	}
	if err := c.Sizes.Validate(); err != nil {
		errs = append(errs, err)
	}
	var err error
	if c.Only, err = regexp.Compile(*only); err != nil {
		errs = append(errs, fmt.Errorf("-only: %w", err))
	}
	if c.Out == "" {
		errs = append(errs, errors.New("-out must name a file"))
	}
	if c.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("-timeout must be positive, got %s", c.Timeout))
	}
	return c, errors.Join(errs...)
}
