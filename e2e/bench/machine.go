package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Machine describes where the benchmarks ran.
type Machine struct {
	// CPU is the processor model; Cores the logical CPUs this process may use.
	CPU   string
	Cores int
	// Memory is MemTotal from /proc/meminfo, in bytes.
	Memory uint64
	// Kernel is the kernel release; GoVersion the toolchain's version.
	Kernel, GoVersion string
	// Date is when the run started.
	Date time.Time
}

// ReadMachine describes this machine from /proc, at date.
func ReadMachine(date time.Time) (Machine, error) {
	m := Machine{Cores: runtime.NumCPU(), GoVersion: runtime.Version(), Date: date, CPU: "unknown", Kernel: "unknown"}
	meminfo, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return m, fmt.Errorf("read memory size: %w", err)
	}
	kb, ok := procField(meminfo, "MemTotal")
	if !ok {
		return m, fmt.Errorf("read memory size: no MemTotal in /proc/meminfo")
	}
	n, err := strconv.ParseUint(strings.TrimSuffix(kb, " kB"), 10, 64)
	if err != nil {
		return m, fmt.Errorf("read memory size: MemTotal %q: %w", kb, err)
	}
	m.Memory = n * 1024
	if cpuinfo, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if model, ok := procField(cpuinfo, "model name"); ok {
			m.CPU = model
		}
	}
	if release, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(release))
	}
	return m, nil
}

// procField returns the value of the first "name: value" line of a /proc
// file, trimmed.
func procField(content []byte, name string) (string, bool) {
	sc := bufio.NewScanner(bytes.NewReader(content))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == name {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// String renders the machine on one line.
func (m Machine) String() string {
	return fmt.Sprintf("%d cores (%s), %.1f GiB RAM, Linux %s, %s",
		m.Cores, m.CPU, float64(m.Memory)/(1<<30), m.Kernel, m.GoVersion)
}
