package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// CPUTimes are the machine's cumulative CPU times, all cores together, from
// the first line of /proc/stat, in clock ticks.
type CPUTimes struct {
	Busy, Total uint64
}

// ReadCPUTimes reads /proc/stat.
func ReadCPUTimes() (CPUTimes, error) {
	raw, err := os.ReadFile("/proc/stat")
	if err != nil {
		return CPUTimes{}, fmt.Errorf("read CPU times: %w", err)
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	f := strings.Fields(line)
	// cpu user nice system idle iowait irq softirq steal [guest guest_nice]:
	// guest time is already counted in user.
	if len(f) < 9 || f[0] != "cpu" {
		return CPUTimes{}, fmt.Errorf("read CPU times: unexpected /proc/stat line %q", line)
	}
	var t CPUTimes
	for i, s := range f[1:9] {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return CPUTimes{}, fmt.Errorf("read CPU times: field %d of %q: %w", i+1, line, err)
		}
		t.Total += v
		if i != 3 && i != 4 { // idle, iowait
			t.Busy += v
		}
	}
	return t, nil
}

// BusyPercent is the share of the machine's CPU time spent busy between two
// readings, 0 to 100.
func BusyPercent(before, after CPUTimes) float64 {
	if after.Total <= before.Total {
		return 0
	}
	return 100 * float64(after.Busy-before.Busy) / float64(after.Total-before.Total)
}
