package ports_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/adapters"
	"github.com/prontuario/prontuario/domains/triage/app"
	"github.com/prontuario/prontuario/domains/triage/ports"
	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

var now = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

// api is the service's HTTP API over a real store in a fresh SQLite file.
type api struct {
	t  *testing.T
	h  http.Handler
	db *sqldb.DB
}

func newAPI(t *testing.T) *api {
	t.Helper()
	return newLoggedAPI(t, nil)
}

// newLoggedAPI is newAPI logging to logger (nil discards).
func newLoggedAPI(t *testing.T, logger *slog.Logger) *api {
	t.Helper()
	db, err := sqldb.Open(t.Context(), "sqlite:"+filepath.Join(t.TempDir(), "triage.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := adapters.Migrate(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	a := app.New(adapters.NewStore(db), func() time.Time { return now })
	return &api{t: t, db: db, h: ports.NewHandler(a, idempotency.NewStore(db), db.PingContext, logger)}
}

func (a *api) do(method, path, body string, header ...string) *httptest.ResponseRecorder {
	a.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

// created checks a 201 and returns its receipt.
func (a *api) created(rec *httptest.ResponseRecorder) app.Receipt {
	a.t.Helper()
	if rec.Code != http.StatusCreated {
		a.t.Fatalf("status = %d, want 201: %s", rec.Code, rec.Body)
	}
	var rc app.Receipt
	if err := json.Unmarshal(rec.Body.Bytes(), &rc); err != nil || rc.ID == "" || rc.EventID == "" || rc.Version < 1 {
		a.t.Fatalf("receipt %s (%v), want id, eventId and version", rec.Body, err)
	}
	return rc
}

func (a *api) outboxSize() int {
	a.t.Helper()
	pending, err := outbox.ListPending(context.Background(), a.db, 10000)
	if err != nil {
		a.t.Fatal(err)
	}
	return len(pending)
}

// problemOf checks that rec is a problem+json answer with status.
func problemOf(t *testing.T, rec *httptest.ResponseRecorder, status int) httpx.Problem {
	t.Helper()
	if rec.Code != status || rec.Header().Get("Content-Type") != httpx.ContentTypeProblem {
		t.Errorf("answer %d %s, want %d %s: %s", rec.Code, rec.Header().Get("Content-Type"), status, httpx.ContentTypeProblem, rec.Body)
	}
	var p httpx.Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != status {
		t.Errorf("body %s is not a problem with status %d (%v)", rec.Body, status, err)
	}
	return p
}

func fieldsOf(p httpx.Problem) []string {
	var fs []string
	for _, f := range p.Errors {
		fs = append(fs, f.Field)
	}
	return fs
}

const openBody = `{"encounterId":"E-2001","patient":{"id":"P-1001","name":"Maria Oliveira","birthDate":"1985-07-10","sex":"female"},
	"arrivedAt":"2026-03-02T10:00:00Z","reason":"Chest pain since morning","registeredBy":"CLK-4"}`

const triageBody = `{"acuity":3,"chiefComplaint":"Chest pain","nurseId":"N-17","assessedAt":"2026-03-02T10:12:00-00:00",
	"vitals":{"heartRate":96,"systolic":142,"diastolic":88,"respiratoryRate":18,"temperatureC":37.2,"spo2":97,"painScore":6}}`

const closeBody = `{"disposition":"admitted","closedAt":"2026-03-02T11:30:00Z","closedBy":"PR-1"}`
