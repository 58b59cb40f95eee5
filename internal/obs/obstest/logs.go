package obstest

import (
	"bytes"
	"log/slog"
	"regexp"
	"sync"
	"testing"
)

// Logs captures what a logger writes; safe for concurrent use.
type Logs struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (l *Logs) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String returns everything written so far.
func (l *Logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// Logger returns a JSON logger at debug level writing to l, with the time
// left out (its digits could match a value being looked for).
func (l *Logs) Logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(l, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}

// CheckAbsent fails the test if the logs are empty (then they prove
// nothing) or if any of words occurs in them as a whole word or number
// ("131" does not match "41311" or "0.131").
func (l *Logs) CheckAbsent(t testing.TB, words ...string) {
	t.Helper()
	logs := l.String()
	if logs == "" {
		t.Fatal("nothing was logged: the check would prove nothing")
	}
	for _, w := range words {
		if loc := wordPattern(w).FindStringIndex(logs); loc != nil {
			from, to := max(loc[0]-120, 0), min(loc[1]+120, len(logs))
			t.Errorf("the logs carry %q: ...%s...", w, logs[from:to])
		}
	}
}

// wordPattern matches w where it is not part of a longer word or number.
func wordPattern(w string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^0-9A-Za-z.])` + regexp.QuoteMeta(w) + `([^0-9A-Za-z]|$)`)
}
