package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/domains/lab/adapters"
	"github.com/prontuario/prontuario/domains/lab/app"
	"github.com/prontuario/prontuario/domains/lab/ports"
	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/obs"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/tracing"
)

// run wires the service from the environment and serves until ctx is done:
// the HTTP API with its metrics on GET /metrics, traced when an OTLP
// endpoint is set (internal/tracing), and the outbox relay. listening, if
// not nil, receives the HTTP address once bound.
func run(ctx context.Context, getenv func(string) string, stderr io.Writer, listening func(addr string)) error {
	logger, err := obs.NewLogger(getenv, stderr, "lab")
	if err != nil {
		return err
	}
	cfg, err := configFromEnv(getenv)
	if err != nil {
		return err
	}
	shutdown, err := tracing.Setup(ctx, "lab", getenv)
	if err != nil {
		return err
	}
	defer shutdown.Close(logger)
	db, err := sqldb.Open(ctx, cfg.DatabaseURL, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := adapters.Migrate(ctx, db); err != nil {
		return err
	}
	store := adapters.NewStore(db)
	// Built on first publish, so the service takes commands while the broker is down.
	pub := outbox.NewLazyPublisher(func() (message.Publisher, error) {
		return kafkax.NewPublisher(cfg.Kafka, watermill.NewSlogLogger(logger))
	})
	defer pub.Close()
	relay, err := outbox.NewRelay(db, pub, cfg.Relay, logger)
	if err != nil {
		return err
	}
	replays := idempotency.NewStore(db)
	reg := obs.NewRegistry()
	reg.MustRegister(outbox.NewCollector(relay))
	handler := httpx.Observe(ports.NewHandler(app.New(store, time.Now), replays, db.PingContext, logger), reg, nil)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	relayDone := make(chan error, 1)
	go func() { relayDone <- relay.Run(ctx) }()
	go replays.PurgeEvery(ctx, cfg.IdempotencyTTL, idempotency.DefaultPurgeInterval, logger)
	err = httpx.Serve(ctx, cfg.Addr, handler, logger, listening)
	cancel()
	if rerr := <-relayDone; rerr != nil {
		err = errors.Join(err, fmt.Errorf("outbox relay: %w", rerr))
	}
	return err
}
