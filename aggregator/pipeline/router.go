package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"

	"github.com/prontuario/prontuario/internal/tracing"
)

// Pipeline consumes the domain topics into a read store.
type Pipeline struct {
	cfg     Config
	applier *Applier
	router  *message.Router
	logger  *slog.Logger
}

// New wires the pipeline: one handler per topic on subscriber (whose
// consumer group is cfg.ConsumerGroup), dead letters through publisher,
// documents in s.
func New(cfg Config, subscriber message.Subscriber, publisher message.Publisher, s Store, metrics *Metrics, logger *slog.Logger) (*Pipeline, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("pipeline config: %w", err)
	}
	wlog := watermill.NewSlogLoggerWithLevelMapping(logger, map[slog.Level]slog.Level{slog.LevelInfo: slog.LevelDebug})
	router, err := message.NewRouter(message.RouterConfig{CloseTimeout: 30 * time.Second}, wlog)
	if err != nil {
		return nil, fmt.Errorf("router: %w", err)
	}
	router.AddMiddleware(middleware.Retry{
		MaxRetries:          10,
		InitialInterval:     cfg.RetryInitial,
		MaxInterval:         cfg.RetryMax,
		Multiplier:          2,
		RandomizationFactor: 0.2,
		OnRetryHook: func(n int, delay time.Duration) {
			logger.Warn("retrying a message after a store error", "retry", n, "delay", delay)
		},
		Logger: wlog,
	}.Middleware)
	applier := NewApplier(s, cfg, metrics, logger)
	for _, topic := range cfg.Topics {
		h := &handler{topic: topic, group: cfg.ConsumerGroup, dlqTopic: cfg.DeadLetterTopic, recordOnly: cfg.RecordDeadLettersOnly,
			applier: applier, publisher: publisher, metrics: metrics, now: cfg.Now, tracer: tracing.Tracer(cfg.Tracing)}
		router.AddConsumerHandler("apply_"+topic, topic, subscriber, h.handle)
	}
	return &Pipeline{cfg: cfg, applier: applier, router: router, logger: logger}, nil
}

// Run consumes until ctx ends, then stops cleanly: in-flight messages finish,
// the applier commits its batch, the offsets of applied messages are committed.
func (p *Pipeline) Run(ctx context.Context) error {
	applierCtx, stopApplier := context.WithCancel(context.WithoutCancel(ctx))
	applierDone := make(chan error, 1)
	go func() { applierDone <- p.applier.Run(applierCtx) }()
	err := p.router.Run(ctx)
	stopApplier()
	return errors.Join(err, <-applierDone)
}

// Running is closed once every handler is subscribed.
func (p *Pipeline) Running() chan struct{} { return p.router.Running() }

// asPoison reports whether err is a *PoisonError.
func asPoison(err error) (*PoisonError, bool) {
	var p *PoisonError
	ok := errors.As(err, &p)
	return p, ok
}
