package ports_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/prescription/adapters"
	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/ports"
	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// server is the API over a fresh SQLite database seeded with the demo
// catalog: the production wiring with an embedded database.
type server struct {
	*httptest.Server
	db *sqldb.DB
}

func newServer(t *testing.T) server {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "prescription.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := adapters.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	store := adapters.NewStore(db)
	if err := app.SeedDemoCatalog(ctx, store); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ports.NewHandler(app.New(store, time.Now), idempotency.NewStore(db), db.PingContext, nil))
	t.Cleanup(srv.Close)
	return server{Server: srv, db: db}
}

// response is an answer, its body read.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request; headers are name, value pairs.
func (s server) do(t *testing.T, method, path, body string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

// receipt decodes a command's 201 answer.
func (r response) receipt(t *testing.T) app.Receipt {
	t.Helper()
	if r.status != http.StatusCreated {
		t.Fatalf("status %d, want 201: %s", r.status, r.body)
	}
	var rc app.Receipt
	if err := json.Unmarshal(r.body, &rc); err != nil || rc.ID == "" || rc.EventID == "" || rc.Version < 1 {
		t.Fatalf("answer %s is not a receipt (%v)", r.body, err)
	}
	return rc
}

// wantProblem fails unless r is a problem+json with status naming every
// one of fields.
func (r response) wantProblem(t *testing.T, status int, fields ...string) {
	t.Helper()
	if r.status != status || r.header.Get("Content-Type") != httpx.ContentTypeProblem {
		t.Fatalf("status %d %s, want %d problem+json: %s", r.status, r.header.Get("Content-Type"), status, r.body)
	}
	var p httpx.Problem
	if err := json.Unmarshal(r.body, &p); err != nil || p.Status != status || p.Title == "" {
		t.Fatalf("body %s is not a problem of status %d (%v)", r.body, status, err)
	}
	for _, f := range fields {
		if !slices.ContainsFunc(p.Errors, func(e httpx.FieldError) bool { return e.Field == f && e.Message != "" }) {
			t.Errorf("problem %s does not explain field %s", r.body, f)
		}
	}
}

func (s server) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

const issueBody = `{"patientId": "P-1001", "encounterId": "E-2001", "prescriberId": "PR-1",
	"items": [{"medicationCode": "ASA100", "dose": "100mg", "route": "oral", "frequency": "daily", "times": ["08:00"]},
	          {"medicationCode": "PCM500", "dose": "500mg", "route": "oral", "frequency": "q8h"}],
	"issuedAt": "2026-03-02T07:40:00-03:00"}`

const cancelBody = `{"reason": "Allergy reported", "cancelledBy": "PR-1", "cancelledAt": "2026-03-02T11:00:00Z"}`
