package bench_test

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/e2e/bench"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// sizes are the workloads, from the -bench.* flags (the driver passes them).
var sizes = bench.DefaultSizes()

// binDir holds binaries built by harness.Build, from -bench.bin: the driver
// builds them once for every benchmark process. Empty: built on first use.
var binDir string

// shared is the infrastructure several benchmarks use, started by the first
// that needs it (so the unit tests of this package start nothing) and
// stopped after all of them.
var shared suite

func TestMain(m *testing.M) {
	sizes.RegisterFlags(flag.CommandLine, "bench.")
	flag.StringVar(&binDir, "bench.bin", "", "`directory` of the binaries harness.Build made (default: build them)")
	flag.Parse()
	if err := sizes.Validate(); err != nil {
		fmt.Fprintln(os.Stderr, "bench: invalid -bench.* flags:", err)
		os.Exit(2)
	}
	code := m.Run()
	if err := shared.stop(); err != nil {
		fmt.Fprintln(os.Stderr, "bench: stopping the test infrastructure:", err)
		code = max(code, 1)
	}
	os.Exit(code)
}

// eachRun measures sizes.Runs times, as sub-benchmarks run=1, run=2, ...:
// the driver takes the median of each metric over them. Run it with
// -benchtime 1x: measure does one whole measurement whatever b.N is.
func eachRun(b *testing.B, measure func(b *testing.B)) {
	b.Helper()
	for i := 1; i <= sizes.Runs; i++ {
		b.Run(fmt.Sprintf("run=%d", i), measure)
	}
}

// say prints progress to stderr at once (b.Log would hold it until the
// benchmark ends, and a run takes minutes).
func say(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s bench: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// logger shows the warnings of the code under measurement.
func logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// kafkaConfig reaches an in-process test broker (kafkatest), which accepts
// fast consumer-group timings.
func kafkaConfig(addr string) kafkax.Config {
	return kafkax.Config{Brokers: []string{addr}, ClientID: "bench"}.WithDefaults().WithFastRebalance()
}

// publisher is a synchronous Kafka publisher closed at the end of b.
func publisher(b *testing.B, cfg kafkax.Config) message.Publisher {
	b.Helper()
	p, err := kafkax.NewPublisher(cfg, nil)
	if err != nil {
		b.Fatalf("kafka publisher: %v", err)
	}
	b.Cleanup(func() { _ = p.Close() })
	return p
}

// rate is count per second of d.
func rate(count int, d time.Duration) float64 { return float64(count) / d.Seconds() }
