package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/prontuario/prontuario/aggregator/store/readstore"
	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/cursor"
	"github.com/prontuario/prontuario/graphql/server"
	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/obs"
	"github.com/prontuario/prontuario/internal/tracing"
)

// run wires the API to the read store and serves it until ctx ends, with
// its metrics on /metrics and, when an OTLP endpoint is set, its traces
// exported (internal/tracing).
func run(ctx context.Context, getenv func(string) string, out io.Writer) error {
	logger, err := obs.NewLogger(getenv, os.Stderr, "graphql")
	if err != nil {
		return err
	}
	cfg, err := configFromEnv(getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	shutdown, err := tracing.Setup(ctx, "graphql", getenv)
	if err != nil {
		return err
	}
	defer shutdown.Close(logger)
	tokens, err := loadTokens(getenv, cfg.DevTokens, out)
	if err != nil {
		return err
	}
	var cursors *cursor.Codec
	if cfg.CursorKey != nil {
		if cursors, err = cursor.New(cfg.CursorKey); err != nil {
			return err
		}
	} else {
		logger.Warn("PRONTUARIO_CURSOR_KEY is not set: cursors are signed with a random key and do not survive a restart")
	}
	st, err := readstore.Open(ctx, cfg.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	reg := obs.NewRegistry()
	api, err := server.New(cfg.Server, server.Deps{Reader: st, AccessLog: st, Tokens: tokens, Cursors: cursors, Logger: logger,
		Metrics: server.NewMetrics(reg)})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	obs.Mount(mux, reg, func(ctx context.Context) error {
		_, err := st.ActiveGeneration(ctx)
		return err
	})
	return obs.Serve(ctx, cfg.Addr, httpx.Instrument(mux, httpx.NewMetrics(reg), nil), logger, nil)
}

// loadTokens reads the configured tokens or, when none is configured and
// dev is set, makes one per role and prints them to out.
func loadTokens(getenv func(string) string, dev bool, out io.Writer) (*auth.Tokens, error) {
	tokens, err := auth.FromEnv(getenv)
	if !errors.Is(err, auth.ErrNoTokens) {
		return tokens, err
	}
	if !dev {
		return nil, fmt.Errorf("%w (or PRONTUARIO_AUTH_DEV_TOKENS=true for development tokens)", err)
	}
	tokens, devs, err := auth.GenerateDev(nil)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(out, "Development tokens (send as 'Authorization: Bearer <token>'):")
	for _, d := range devs {
		fmt.Fprintf(out, "  %-10s %s\n", d.Role, d.Token)
	}
	return tokens, nil
}
