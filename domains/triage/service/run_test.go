package service_test

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/triage/service"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

const waitFor = 30 * time.Second

const openBody = `{"encounterId":"E-2001","patient":{"id":"P-1001","name":"Maria Oliveira","birthDate":"1985-07-10","sex":"female"},"arrivedAt":"2026-03-02T10:00:00Z"}`

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs the service until the test ends, waits until it is ready,
// and returns its base URL and database URL. A nil logger discards logs.
func start(t *testing.T, brokerAddr string, logger *slog.Logger) (string, string) {
	t.Helper()
	cfg := service.Config{
		Addr:        freeAddr(t),
		DatabaseURL: "sqlite:" + filepath.Join(t.TempDir(), "triage.db"),
		Kafka:       kafkax.Config{Brokers: []string{brokerAddr}},
	}.WithDefaults()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- service.Run(ctx, cfg, logger) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	base := "http://" + cfg.Addr
	deadline := time.Now().Add(waitFor)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base, cfg.DatabaseURL
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("service not ready within %s: %v", waitFor, err)
		}
		time.Sleep(20 * time.Millisecond) // polling interval
	}
}

func subscribe(t *testing.T, brokerAddr string) <-chan *message.Message {
	t.Helper()
	cfg := kafkax.Config{Brokers: []string{brokerAddr}}.WithFastRebalance()
	sub, err := kafkax.NewSubscriber(cfg, kafkatest.UniqueName(t, "group"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Close() })
	ch, err := sub.Subscribe(t.Context(), contracts.TopicTriage)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func post(t *testing.T, url, body string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST %s = %d, want 201", url, resp.StatusCode)
	}
}

// receiveOpened waits for the EncounterOpened of E-2001 and checks its envelope.
func receiveOpened(t *testing.T, ch <-chan *message.Message) {
	t.Helper()
	select {
	case m := <-ch:
		m.Ack()
		e, err := contracts.Decode(m.Metadata, m.Payload)
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		if e.Type != contracts.TypeEncounterOpened || e.AggregateID != "E-2001" || e.PatientID != "P-1001" || e.CorrelationID == "" {
			t.Errorf("event = %s %s of %s (correlation %q), want EncounterOpened E-2001 of P-1001 with a correlation id",
				e.Type, e.AggregateID, e.PatientID, e.CorrelationID)
		}
		if pos, ok := kafkax.PositionOf(m); !ok || pos.Key != "P-1001" {
			t.Errorf("Kafka key = %q, want the patient id", pos.Key)
		}
	case <-time.After(waitFor):
		t.Fatalf("no event within %s", waitFor)
	}
}

func TestRunServesCommandsAndPublishesTheirEvents(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	ch := subscribe(t, kb.Addr())
	base, _ := start(t, kb.Addr(), nil)
	post(t, base+"/v1/encounters", openBody)
	receiveOpened(t, ch)
}

func TestRunAcceptsCommandsWhileTheBrokerIsDown(t *testing.T) {
	t.Parallel()
	kb := kafkatest.Start(t)
	addr := kb.Addr()
	kb.Stop()
	base, dbURL := start(t, addr, nil)
	began := time.Now()
	post(t, base+"/v1/encounters", openBody)
	if took := time.Since(began); took > 2*time.Second {
		t.Errorf("a command took %s with the broker down; commands must not wait for it", took)
	}
	db, err := sqldb.Open(t.Context(), dbURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if pending, err := outbox.ListPending(t.Context(), db, 10); err != nil || len(pending) != 1 {
		t.Fatalf("outbox while the broker is down: %d events (%v), want the command's 1", len(pending), err)
	}
	kb.Restart(t)
	receiveOpened(t, subscribe(t, addr))
}
