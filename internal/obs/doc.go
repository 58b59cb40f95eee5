// Package obs is the observability plumbing every process shares: its slog
// logger configured from the environment, and the operations endpoints
// (/healthz, /readyz, /metrics) with graceful HTTP serving.
package obs
