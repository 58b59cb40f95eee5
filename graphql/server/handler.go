package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/graphql-go/graphql"
	"go.opentelemetry.io/otel/attribute"
	otelcodes "go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/cursor"
	"github.com/prontuario/prontuario/graphql/gqlerr"
	"github.com/prontuario/prontuario/graphql/schema"
	"github.com/prontuario/prontuario/internal/tracing"
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
	// Metrics records latency per root field and errors per code; nil
	// records nothing.
	Metrics *Metrics
	// Tracing provides the span of each request's execution, a child of
	// the HTTP server span in the request's context; nil means the global
	// provider (internal/tracing.Setup).
	Tracing trace.TracerProvider
}

// Handler serves the GraphQL API.
type Handler struct {
	cfg    Config
	schema graphql.Schema
	tokens *auth.Tokens
	events schema.Reader
	// accessLog receives the access log entries of each request, in one
	// append (schema.AccessBatch).
	accessLog schema.AccessLog
	log       *slog.Logger
	page      page
	metrics   *Metrics
	tracer    trace.Tracer
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
	return &Handler{cfg: cfg, schema: s, tokens: deps.Tokens, events: deps.Reader, accessLog: deps.AccessLog, log: deps.Logger, page: p,
		metrics: deps.Metrics, tracer: tracing.Tracer(deps.Tracing)}, nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && r.URL.Query().Has("asset") {
		h.page.serveAsset(w, r.URL.Query().Get("asset"))
		return
	}
	if r.Method == http.MethodGet && wantsHTML(r) {
		h.page.serve(w)
		return
	}
	start := time.Now()
	media := negotiate(r)
	resp := h.respond(w.Header(), r, media)
	resp.write(w, media)
	h.metrics.observe(resp, time.Since(start))
}

// respond authenticates, reads and runs the request, and returns the answer;
// it sets the response headers an error needs (Allow, WWW-Authenticate).
func (h *Handler) respond(header http.Header, r *http.Request, media string) response {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		header.Set("Allow", "GET, POST")
		return failed(http.StatusMethodNotAllowed, gqlerr.New(gqlerr.BadUserInput, "use GET or POST"))
	}
	token, ok := auth.BearerToken(r)
	who, known := h.tokens.Authenticate(token)
	if !ok || !known {
		header.Set("WWW-Authenticate", `Bearer realm="prontuario"`)
		return failed(http.StatusUnauthorized, gqlerr.New(gqlerr.Unauthenticated, "send a valid token as Authorization: Bearer <token>"))
	}
	req, status, err := readRequest(r, h.cfg.MaxBodyBytes)
	if err != nil {
		return failed(status, err)
	}
	ctx, cancel := context.WithTimeout(auth.WithPrincipal(r.Context(), who), h.cfg.RequestTimeout)
	defer cancel()
	ctx, span := h.tracer.Start(ctx, "graphql", trace.WithAttributes(attribute.String("graphql.operation.name", req.OperationName)))
	start := time.Now()
	resp := h.run(ctx, r, req, media)
	endSpan(span, resp)
	h.log.LogAttrs(ctx, slog.LevelInfo, "graphql request",
		slog.String("subject", who.Subject), slog.String("role", string(who.Role)),
		slog.String("operation", req.OperationName), slog.Int("status", resp.status),
		slog.Int("errors", len(resp.errors)), slog.Duration("duration", time.Since(start)))
	return resp
}

// endSpan records what the request selected and how it ended: root field
// names and error codes, never arguments or data.
func endSpan(span trace.Span, resp response) {
	codes := make([]string, 0, len(resp.errors))
	for _, e := range resp.errors {
		codes = append(codes, codeLabel(e.code()))
	}
	span.SetAttributes(attribute.StringSlice("graphql.root_fields", resp.fields), attribute.StringSlice("graphql.error_codes", codes),
		attribute.Int("http.response.status_code", resp.status))
	if resp.status >= http.StatusInternalServerError || hasCode(resp.errors, gqlerr.Internal) {
		span.SetStatus(otelcodes.Error, "internal error")
	}
	span.End()
}
