package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/cursor"
	"github.com/prontuario/prontuario/graphql/gqlerr"
	"github.com/prontuario/prontuario/graphql/schema"
)

// Deps are what the API reads from and authenticates with.
type Deps struct {
	Reader    schema.Reader
	AccessLog schema.AccessLog
	Tokens    *auth.Tokens
	// Cursors signs cursors; nil means a random key (cursors then do not
	// survive a restart).
	Cursors *cursor.Codec
	// Logger receives request and failure logs; nil means slog.Default().
	Logger *slog.Logger
	// Now is the clock of the access log and lags; nil means time.Now.
	Now func() time.Time
}

// Handler serves the GraphQL API.
type Handler struct {
	cfg    Config
	schema graphql.Schema
	tokens *auth.Tokens
	events schema.Reader
	log    *slog.Logger
	page   page
}

// New builds the schema over deps and returns its HTTP handler.
func New(cfg Config, deps Deps) (*Handler, error) {
	cfg = cfg.WithDefaults()
	var errs []error
	if err := cfg.Validate(); err != nil {
		errs = append(errs, err)
	}
	if deps.Tokens == nil || deps.Tokens.Len() == 0 {
		errs = append(errs, errors.New("server: Tokens are required"))
	}
	if deps.Cursors == nil {
		c, err := cursor.NewRandom()
		if err != nil {
			errs = append(errs, err)
		}
		deps.Cursors = c
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s, err := schema.New(schema.Deps{
		Reader:       deps.Reader,
		AccessLog:    deps.AccessLog,
		Cursors:      deps.Cursors,
		DefaultFirst: cfg.Limits.DefaultFirst,
		MaxFirst:     cfg.Limits.MaxFirst,
		Now:          deps.Now,
	})
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	p, err := newPage()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return &Handler{cfg: cfg, schema: s, tokens: deps.Tokens, events: deps.Reader, log: deps.Logger, page: p}, nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && wantsHTML(r) {
		h.page.serve(w)
		return
	}
	media := negotiate(r)
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		writeErrors(w, media, http.StatusMethodNotAllowed, gqlerr.New(gqlerr.BadUserInput, "use GET or POST"))
		return
	}
	token, ok := auth.BearerToken(r)
	who, known := h.tokens.Authenticate(token)
	if !ok || !known {
		w.Header().Set("WWW-Authenticate", `Bearer realm="prontuario"`)
		writeErrors(w, media, http.StatusUnauthorized, gqlerr.New(gqlerr.Unauthenticated, "send a valid token as Authorization: Bearer <token>"))
		return
	}
	req, status, err := readRequest(r, h.cfg.MaxBodyBytes)
	if err != nil {
		writeErrors(w, media, status, err)
		return
	}
	ctx, cancel := context.WithTimeout(auth.WithPrincipal(r.Context(), who), h.cfg.RequestTimeout)
	defer cancel()
	start := time.Now()
	resp := h.run(ctx, r, req, media)
	resp.write(w, media)
	h.log.LogAttrs(ctx, slog.LevelInfo, "graphql request",
		slog.String("subject", who.Subject), slog.String("role", string(who.Role)),
		slog.String("operation", req.OperationName), slog.Int("status", resp.status),
		slog.Int("errors", len(resp.errors)), slog.Duration("duration", time.Since(start)))
}
