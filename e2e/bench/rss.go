package bench

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Memory is a process's memory as /proc/<pid>/status reports it, in bytes.
type Memory struct {
	// RSS is the resident set now (VmRSS); Peak its high-water mark since
	// the process started (VmHWM).
	RSS, Peak uint64
}

// ReadMemory reads the memory of process pid.
func ReadMemory(pid int) (Memory, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, fmt.Errorf("memory of process %d: %w", pid, err)
	}
	var m Memory
	for name, dst := range map[string]*uint64{"VmRSS": &m.RSS, "VmHWM": &m.Peak} {
		v, ok := procField(raw, name)
		if !ok {
			return Memory{}, fmt.Errorf("memory of process %d: no %s in its status", pid, name)
		}
		kb, err := strconv.ParseUint(strings.TrimSuffix(v, " kB"), 10, 64)
		if err != nil {
			return Memory{}, fmt.Errorf("memory of process %d: %s %q: %w", pid, name, v, err)
		}
		*dst = kb * 1024
	}
	return m, nil
}

// MiB renders bytes in mebibytes.
func MiB(bytes uint64) float64 { return float64(bytes) / (1 << 20) }

// ChildPID returns the pid of the one child of this process that runs the
// executable exe (e2e/harness starts each process of the hospital as a
// child and does not expose its pid).
func ChildPID(exe string) (int, error) {
	want, err := filepath.EvalSymlinks(exe)
	if err != nil {
		return 0, fmt.Errorf("find the process of %s: %w", exe, err)
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, fmt.Errorf("find the process of %s: %w", exe, err)
	}
	var found []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if running, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); err != nil || running != want {
			continue
		}
		if ppid, err := parentPID(pid); err == nil && ppid == os.Getpid() {
			found = append(found, pid)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return 0, fmt.Errorf("no child process runs %s", exe)
	}
	return 0, fmt.Errorf("%d child processes run %s: %v", len(found), exe, found)
}

// parentPID reads the PPid of process pid.
func parentPID(pid int) (int, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	v, ok := procField(raw, "PPid")
	if !ok {
		return 0, errors.New("no PPid")
	}
	return strconv.Atoi(v)
}

// MemorySample is a process's memory when Fraction of a workload had been
// applied.
type MemorySample struct {
	Memory
	Fraction float64
}

// MemorySamples are samples in the order they were taken.
type MemorySamples []MemorySample

// At returns the first sample taken once at least fraction of the workload
// was applied; the last sample if none was; the zero sample if there are none.
func (s MemorySamples) At(fraction float64) MemorySample {
	for _, m := range s {
		if m.Fraction >= fraction {
			return m
		}
	}
	if len(s) == 0 {
		return MemorySample{}
	}
	return s[len(s)-1]
}

// MaxRSS is the largest resident set sampled.
func (s MemorySamples) MaxRSS() uint64 {
	var m uint64
	for _, x := range s {
		m = max(m, x.RSS)
	}
	return m
}

// MaxRSSBetween is the largest resident set sampled while the applied
// fraction of the workload was in [from, to); 0 when no sample was.
func (s MemorySamples) MaxRSSBetween(from, to float64) uint64 {
	var m uint64
	for _, x := range s {
		if x.Fraction >= from && x.Fraction < to {
			m = max(m, x.RSS)
		}
	}
	return m
}
