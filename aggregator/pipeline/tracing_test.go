package pipeline_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// rigPublisher publishes to the rig's own topic for each contracts topic,
// as the relay of a service would to the real one.
type rigPublisher struct{ r *rig }

func (p rigPublisher) Publish(topic string, msgs ...*message.Message) error {
	return p.r.publisher.Publish(p.r.topicOf[topic], msgs...)
}

// TestOneTraceFollowsACommandToTheReadModel sends an event the way a
// service does (an HTTP command appends it to the outbox, the relay
// publishes it to Kafka) into a running pipeline, every piece traced by one
// recorder: the command's server span, the relay's publish span, the
// aggregator's apply span and its store commit span form one trace, each
// the child of the one before.
func TestOneTraceFollowsACommandToTheReadModel(t *testing.T) {
	t.Parallel()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	r := newRig(t)
	r.cfg.Tracing = tp
	r.start()

	db, err := sqldb.Open(t.Context(), "sqlite:"+filepath.Join(t.TempDir(), "triage.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := outbox.Migrate(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	relay, err := outbox.NewRelay(db, rigPublisher{r}, outbox.RelayConfig{Tracing: tp}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	relayDone := make(chan error, 1)
	go func() { relayDone <- relay.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-relayDone })

	opened := visitEvents(t, "P-T1", "E-T1")[0]
	command := httpx.Instrument(httpx.Trace(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		err := db.InTx(req.Context(), func(tx *sqldb.Tx) error { return outbox.Append(req.Context(), tx, opened) })
		if err != nil {
			t.Errorf("append: %v", err)
		}
		w.WriteHeader(http.StatusCreated)
	})), nil, tp)
	command.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/v1/encounters", nil))

	eventually(t, "the event applied", func() bool { return r.auditCount("P-T1") == 1 })
	var commit sdktrace.ReadOnlySpan
	eventually(t, "the apply and commit spans ended", func() bool {
		commit = spanNamed(rec, "store commit")
		return commit != nil && spanOfKind(rec, trace.SpanKindConsumer) != nil
	})
	server := spanOfKind(rec, trace.SpanKindServer)
	publish := spanOfKind(rec, trace.SpanKindProducer)
	apply := spanOfKind(rec, trace.SpanKindConsumer)
	if server == nil || publish == nil {
		t.Fatalf("server span %v, publish span %v: want both", server != nil, publish != nil)
	}
	chain := []sdktrace.ReadOnlySpan{server, publish, apply, commit}
	for i, s := range chain[1:] {
		parent := chain[i]
		if s.SpanContext().TraceID() != server.SpanContext().TraceID() {
			t.Errorf("span %q is in trace %s, want the command's %s", s.Name(), s.SpanContext().TraceID(), server.SpanContext().TraceID())
		}
		if s.Parent().SpanID() != parent.SpanContext().SpanID() {
			t.Errorf("span %q has parent %s, want %q (%s)", s.Name(), s.Parent().SpanID(), parent.Name(), parent.SpanContext().SpanID())
		}
	}
	if !commit.StartTime().Before(commit.EndTime()) || commit.EndTime().After(apply.EndTime()) {
		t.Errorf("commit span %s..%s does not sit inside the apply span ending %s", commit.StartTime(), commit.EndTime(), apply.EndTime())
	}
}

func spanOfKind(rec *tracetest.SpanRecorder, kind trace.SpanKind) sdktrace.ReadOnlySpan {
	for _, s := range rec.Ended() {
		if s.SpanKind() == kind {
			return s
		}
	}
	return nil
}

func spanNamed(rec *tracetest.SpanRecorder, name string) sdktrace.ReadOnlySpan {
	for _, s := range rec.Ended() {
		if s.Name() == name {
			return s
		}
	}
	return nil
}
