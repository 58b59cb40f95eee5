package outbox_test

import (
	"context"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/tracing"
)

func TestTheRelayContinuesTheCommandsTraceIntoTheKafkaHeaders(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, db *sqldb.DB) {
		rec := tracetest.NewSpanRecorder()
		tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
		traced := encounterEvents(t, "P-1", "E-traced", 1)[0]
		untraced := encounterEvents(t, "P-2", "E-untraced", 1)[0]

		// The command: its span is in ctx, and Append takes the traceparent from it.
		ctx, command := tracing.Tracer(tp).Start(t.Context(), "command")
		if err := db.InTx(ctx, func(tx *sqldb.Tx) error { return outbox.Append(ctx, tx, traced) }); err != nil {
			t.Fatal(err)
		}
		command.End()
		if err := db.InTx(t.Context(), func(tx *sqldb.Tx) error { return outbox.Append(context.Background(), tx, untraced) }); err != nil {
			t.Fatal(err)
		}
		pending, err := outbox.ListPending(t.Context(), db, 10)
		if err != nil || len(pending) != 2 {
			t.Fatalf("pending = %d, %v", len(pending), err)
		}
		cmd := command.SpanContext()
		if got, want := pending[0].Headers[contracts.HeaderTraceParent], "00-"+cmd.TraceID().String()+"-"+cmd.SpanID().String()+"-01"; got != want {
			t.Errorf("outbox row traceparent %q, want the command span's %q", got, want)
		}

		pub := &fakePublisher{}
		startRelay(t, db, pub, outbox.RelayConfig{Tracing: tp})
		eventually(t, "both published", func() bool { return len(pub.deliveries()) == 2 })

		var publish sdktrace.ReadOnlySpan
		for _, s := range rec.Ended() {
			if s.SpanKind() == trace.SpanKindProducer {
				if publish != nil {
					t.Fatalf("two publish spans; the untraced event must get none")
				}
				publish = s
			}
		}
		if publish == nil {
			t.Fatal("no publish span")
		}
		if publish.SpanContext().TraceID() != cmd.TraceID() || publish.Parent().SpanID() != cmd.SpanID() {
			t.Errorf("publish span in trace %s under %s, want a child of the command span %s/%s",
				publish.SpanContext().TraceID(), publish.Parent().SpanID(), cmd.TraceID(), cmd.SpanID())
		}
		if publish.Name() != "publish "+contracts.TopicTriage {
			t.Errorf("publish span named %q", publish.Name())
		}
		for _, d := range pub.deliveries() {
			got := d.metadata[contracts.HeaderTraceParent]
			switch d.eventID {
			case traced.ID:
				ps := publish.SpanContext()
				if want := "00-" + ps.TraceID().String() + "-" + ps.SpanID().String() + "-01"; got != want {
					t.Errorf("Kafka traceparent %q, want the publish span's %q", got, want)
				}
			case untraced.ID:
				if got != "" {
					t.Errorf("untraced event published with traceparent %q", got)
				}
			}
		}
	})
}
