package server_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/schema"
	"github.com/prontuario/prontuario/graphql/server"
)

// Tokens of the test principals.
const (
	auditorToken   = "auditor-token-0123456789"
	billingToken   = "billing-token-0123456789"
	clinicianToken = "clinician-token-0123456789"
)

var tokenOf = map[auth.Role]string{auth.Auditor: auditorToken, auth.Billing: billingToken, auth.Clinician: clinicianToken}

// now is the fixed clock of the tests.
var now = time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)

// harness is the API over a seeded fake store, served by httptest.
type harness struct {
	t          testing.TB
	store      *fakestore.Store
	deliveries []history.Delivery
	url        string
	logs       *logBuffer
}

func newHarness(t *testing.T, cfg server.Config) *harness {
	t.Helper()
	store, ds, err := fakestore.Seeded()
	if err != nil {
		t.Fatal(err)
	}
	return newHarnessOn(t, cfg, store, ds)
}

func newHarnessOn(t *testing.T, cfg server.Config, store *fakestore.Store, ds []history.Delivery) *harness {
	t.Helper()
	logs := &logBuffer{}
	srv := httptest.NewServer(newHandler(t, cfg, store, store, logs))
	t.Cleanup(srv.Close)
	return &harness{t: t, store: store, deliveries: ds, url: srv.URL + "/graphql", logs: logs}
}

// newHandler is the API over a store, with the test tokens and clock.
func newHandler(tb testing.TB, cfg server.Config, reader schema.Reader, accessLog schema.AccessLog, logs io.Writer) *server.Handler {
	tb.Helper()
	tokens, err := auth.ParseTokens(auditorToken + "=auditor:alice," + billingToken + "=billing:bob," + clinicianToken + "=clinician:carol")
	if err != nil {
		tb.Fatal(err)
	}
	h, err := server.New(cfg, server.Deps{
		Reader: reader, AccessLog: accessLog, Tokens: tokens,
		Logger: slog.New(slog.NewJSONHandler(logs, nil)),
		Now:    func() time.Time { return now },
	})
	if err != nil {
		tb.Fatal(err)
	}
	return h
}
