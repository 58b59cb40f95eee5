package service

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"golang.org/x/sync/errgroup"

	"github.com/prontuario/prontuario/domains/triage/adapters"
	"github.com/prontuario/prontuario/domains/triage/app"
	"github.com/prontuario/prontuario/domains/triage/ports"
	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/obs"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// NewHandler returns the HTTP API over db, which adapters.Migrate has
// prepared; now tells the time (time.Now in production).
func NewHandler(db *sqldb.DB, now func() time.Time, logger *slog.Logger) http.Handler {
	a := app.New(adapters.NewStore(db), now)
	return ports.NewHandler(a, idempotency.NewStore(db), db.PingContext, logger)
}

// Run runs the triage service until ctx is done: it opens and migrates
// the database, serves the HTTP API on cfg.Addr, with its Prometheus
// metrics on GET /metrics, relays the outbox to Kafka, and deletes the
// answers to idempotency keys older than cfg.IdempotencyTTL hourly.
// Requests are traced with the global tracer provider
// (internal/tracing.Setup). Zero fields of cfg take their defaults. A nil
// logger discards logs. The broker need not be up: commands are accepted
// meanwhile and their events wait in the outbox.
func Run(ctx context.Context, cfg Config, logger *slog.Logger) error {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg = cfg.WithDefaults() // a zero IdempotencyTTL would purge every answer
	db, err := sqldb.Open(ctx, cfg.DatabaseURL, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := adapters.Migrate(ctx, db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	pub := outbox.NewLazyPublisher(func() (message.Publisher, error) {
		return kafkax.NewPublisher(cfg.Kafka, watermill.NewSlogLogger(logger))
	})
	defer pub.Close()
	relay, err := outbox.NewRelay(db, pub, cfg.Relay, logger)
	if err != nil {
		return err
	}
	reg := obs.NewRegistry()
	reg.MustRegister(outbox.NewCollector(relay))
	handler := httpx.Observe(NewHandler(db, time.Now, logger), reg, nil)

	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return relay.Run(ctx) })
	g.Go(func() error {
		idempotency.NewStore(db).PurgeEvery(ctx, cfg.IdempotencyTTL, idempotency.DefaultPurgeInterval, logger)
		return nil
	})
	g.Go(func() error { return httpx.Serve(ctx, cfg.Addr, handler, logger, nil) })
	return g.Wait()
}
