package obs

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// NewLogger returns the process logger: JSON lines (production) unless
// PRONTUARIO_LOG_FORMAT=text (make run), at PRONTUARIO_LOG_LEVEL (debug,
// info (default), warn, error). Log records must carry identifiers only,
// never patient names or clinical values.
func NewLogger(getenv func(string) string, w io.Writer, component string) (*slog.Logger, error) {
	var level slog.Level
	if v := getenv("PRONTUARIO_LOG_LEVEL"); v != "" {
		if err := level.UnmarshalText([]byte(v)); err != nil {
			return nil, fmt.Errorf("PRONTUARIO_LOG_LEVEL %q: want debug, info, warn or error", v)
		}
	}
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler
	switch f := strings.ToLower(getenv("PRONTUARIO_LOG_FORMAT")); f {
	case "", "json":
		h = slog.NewJSONHandler(w, opts)
	case "text":
		h = slog.NewTextHandler(w, opts)
	default:
		return nil, fmt.Errorf("PRONTUARIO_LOG_FORMAT %q: want json or text", f)
	}
	return slog.New(h).With("component", component), nil
}
