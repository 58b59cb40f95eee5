package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// TestServiceRoundTrip runs the service as main does, on a temporary
// SQLite file and the in-process broker: a prescription issued over HTTP by
// a seeded prescriber comes out on the topic, and the service stops when
// its context ends.
func TestServiceRoundTrip(t *testing.T) {
	kb := kafkatest.Start(t)
	vars := map[string]string{
		"PRONTUARIO_PRESCRIPTION_ADDR":         "127.0.0.1:0",
		"PRONTUARIO_PRESCRIPTION_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "rx.db"),
		"PRONTUARIO_KAFKA_BROKERS":             kb.Addr(),
		"PRONTUARIO_LOG_LEVEL":                 "warn",
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, env(vars), io.Discard, func(a string) { addrs <- a }) }()
	var addr string
	select {
	case addr = <-addrs:
	case err := <-done:
		t.Fatalf("run returned before listening: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the service did not listen within 30s")
	}

	events := subscribe(t, kb)
	resp, err := http.Post("http://"+addr+"/v1/prescriptions", "application/json", strings.NewReader(`{
		"patientId": "P-1001", "encounterId": "E-2001", "prescriberId": "PR-2",
		"items": [{"medicationCode": "MOR10", "dose": "2mg", "route": "intravenous", "frequency": "q4h prn"}],
		"issuedAt": "2026-03-02T10:40:00Z"}`))
	if err != nil {
		t.Fatal(err)
	}
	var rc struct{ ID, EventID string }
	err = json.NewDecoder(resp.Body).Decode(&rc)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d, %v", resp.StatusCode, err)
	}
	select {
	case e := <-events:
		if e.ID != rc.EventID || e.AggregateID != rc.ID || e.Type != contracts.TypePrescriptionIssued {
			t.Errorf("consumed %s %s of %s, want the event %s of %s", e.Type, e.ID, e.AggregateID, rc.EventID, rc.ID)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the event did not reach the topic within 60s")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not return within 30s of its context ending")
	}
}

// subscribe returns the decoded events of the prescription topic.
func subscribe(t *testing.T, kb *kafkatest.Broker) <-chan contracts.Event {
	t.Helper()
	cfg := kafkax.Config{Brokers: []string{kb.Addr()}}.WithFastRebalance()
	sub, err := kafkax.NewSubscriber(cfg, kafkatest.UniqueName(t, "group"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Close() })
	msgs, err := sub.Subscribe(t.Context(), contracts.TopicPrescription)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan contracts.Event, 16)
	go func() {
		for m := range msgs {
			if e, err := contracts.Decode(m.Metadata, m.Payload); err == nil {
				out <- e
			}
			m.Ack()
		}
	}()
	return out
}
