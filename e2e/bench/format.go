package bench

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// thousands renders v rounded to an integer with comma separators: 21436.4
// is "21,436".
func thousands(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	s := strconv.FormatInt(int64(math.Round(math.Abs(v))), 10)
	var b strings.Builder
	if v < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// perSecond renders a rate: "21,436 events/s".
func perSecond(v float64, what string) string { return thousands(v) + " " + what + "/s" }

// millis renders milliseconds with the precision that matters: "0.84 ms",
// "12.3 ms", "1,250 ms".
func millis(v float64) string {
	switch {
	case v < 10:
		return fmt.Sprintf("%.2f ms", v)
	case v < 100:
		return fmt.Sprintf("%.1f ms", v)
	}
	return thousands(v) + " ms"
}

// ratio renders a ratio, truncated rather than rounded so that a ratio
// just under a target never reads as reaching it: 0.7996 is "0.79x".
func ratio(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	if v >= 10 {
		return fmt.Sprintf("%.0fx", math.Floor(v))
	}
	return fmt.Sprintf("%.2fx", math.Floor(v*100)/100)
}

// mib renders mebibytes: "107 MiB".
func mib(v float64) string { return thousands(v) + " MiB" }
