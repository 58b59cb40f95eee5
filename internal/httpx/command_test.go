package httpx_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"

	"github.com/prontuario/prontuario/internal/httpx"
	"github.com/prontuario/prontuario/internal/idempotency"
	"github.com/prontuario/prontuario/internal/sqldb"
)

type created struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

type thingBody struct {
	Name string `json:"name"`
}

// thingService is a minimal service: one command that inserts a thing and
// records its answer in the same transaction, as real repositories do.
type thingService struct {
	db   *sqldb.DB
	runs atomic.Int64
	// before runs at the start of the command, to stage races.
	before func(ctx context.Context)
}

func newThingService(t *testing.T) *thingService {
	t.Helper()
	db, err := sqldb.Open(t.Context(), "sqlite:"+filepath.Join(t.TempDir(), "things.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := idempotency.Migrate(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(t.Context(), "CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	return &thingService{db: db}
}

func (s *thingService) create(ctx context.Context, _ *http.Request, body []byte) (any, error) {
	s.runs.Add(1)
	if s.before != nil {
		s.before(ctx)
	}
	var in thingBody
	if err := httpx.Decode(body, &in); err != nil {
		return nil, err
	}
	if in.Name == "" {
		return nil, httpx.Invalid("", httpx.FieldError{Field: "name", Message: "is required"})
	}
	ans := created{ID: "T-" + in.Name, Version: 1}
	err := s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO things (id, name) VALUES (?, ?)", uuid.NewString(), in.Name); err != nil {
			return err
		}
		return idempotency.Record(ctx, tx, ans)
	})
	return ans, err
}

func (s *thingService) count(t *testing.T) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM things").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (s *thingService) handler() http.Handler {
	c := &httpx.Commands{Replays: idempotency.NewStore(s.db)}
	return c.Handle(http.StatusCreated, s.create)
}

func post(h http.Handler, key, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/v1/things", strings.NewReader(body))
	if key != "" {
		req.Header.Set(httpx.HeaderIdempotencyKey, key)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestCommandWithoutKeyRunsEveryTime(t *testing.T) {
	t.Parallel()
	s := newThingService(t)
	h := s.handler()
	for range 2 {
		if rec := post(h, "", `{"name":"a"}`); rec.Code != http.StatusCreated {
			t.Fatalf("status = %d: %s", rec.Code, rec.Body)
		}
	}
	if n := s.count(t); n != 2 {
		t.Errorf("things = %d, want 2", n)
	}
}

func TestRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerAndWritesNothing(t *testing.T) {
	t.Parallel()
	s := newThingService(t)
	h := s.handler()
	first := post(h, "key-1", `{"name":"a"}`)
	retry := post(h, "key-1", "{ \"name\": \"a\" }\n")
	if first.Code != http.StatusCreated || retry.Code != http.StatusCreated {
		t.Fatalf("statuses %d, %d; want 201, 201", first.Code, retry.Code)
	}
	if strings.TrimSpace(first.Body.String()) != strings.TrimSpace(retry.Body.String()) {
		t.Errorf("retry answered %s, first answer was %s", retry.Body, first.Body)
	}
	if retry.Header().Get(httpx.HeaderReplayed) != "true" || first.Header().Get(httpx.HeaderReplayed) != "" {
		t.Error("only the retry should carry Idempotent-Replayed: true")
	}
	if runs, n := s.runs.Load(), s.count(t); runs != 1 || n != 1 {
		t.Errorf("command ran %d times and wrote %d things, want 1 and 1", runs, n)
	}
}

func TestSameKeyWithAnotherBodyIs422(t *testing.T) {
	t.Parallel()
	s := newThingService(t)
	h := s.handler()
	post(h, "key-1", `{"name":"a"}`)
	p := problemOf(t, post(h, "key-1", `{"name":"b"}`), http.StatusUnprocessableEntity)
	if !strings.HasSuffix(p.Type, "idempotency-key-reused") {
		t.Errorf("type = %q", p.Type)
	}
	if n := s.count(t); n != 1 {
		t.Errorf("things = %d, want 1", n)
	}
}

func TestAFailedCommandSavesNoAnswerSoItsRetryRunsAgain(t *testing.T) {
	t.Parallel()
	s := newThingService(t)
	h := s.handler()
	problemOf(t, post(h, "key-1", `{"name":""}`), http.StatusUnprocessableEntity)
	problemOf(t, post(h, "key-1", `{"name":""}`), http.StatusUnprocessableEntity)
	if runs := s.runs.Load(); runs != 2 {
		t.Errorf("command ran %d times, want 2", runs)
	}
}

func TestMalformedIdempotencyKeyIs400(t *testing.T) {
	t.Parallel()
	s := newThingService(t)
	problemOf(t, post(s.handler(), strings.Repeat("k", 300), `{"name":"a"}`), http.StatusBadRequest)
	if s.runs.Load() != 0 {
		t.Error("command ran despite a bad key")
	}
}

func TestADuplicateThatRacedPastTheLookupGetsTheWinnersAnswer(t *testing.T) {
	t.Parallel()
	s := newThingService(t)
	h := s.handler()
	var winner *httptest.ResponseRecorder
	s.before = func(ctx context.Context) {
		// The first run has passed its lookup; an identical request with
		// the same key completes before it writes anything.
		if s.runs.Load() == 1 {
			winner = post(h, "key-1", `{"name":"a"}`)
		}
	}
	loser := post(h, "key-1", `{"name":"a"}`)
	if winner == nil || winner.Code != http.StatusCreated || loser.Code != http.StatusCreated {
		t.Fatalf("winner %v, loser %d %s; want 201 and 201", winner, loser.Code, loser.Body)
	}
	if winner.Body.String() != loser.Body.String() || loser.Header().Get(httpx.HeaderReplayed) != "true" {
		t.Errorf("loser answered %s (replayed %q), want the winner's %s replayed", loser.Body, loser.Header().Get(httpx.HeaderReplayed), winner.Body)
	}
	if n := s.count(t); n != 1 {
		t.Errorf("things = %d, want 1: the loser's write must roll back", n)
	}
}

func TestCommandErrorsAreProblems(t *testing.T) {
	t.Parallel()
	s := newThingService(t)
	h := s.handler()
	problemOf(t, post(h, "", `{"name":`), http.StatusBadRequest)
	problemOf(t, post(h, "", `{"nome":"a"}`), http.StatusUnprocessableEntity)
	big := `{"name":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `"}`
	problemOf(t, post(h, "", big), http.StatusRequestEntityTooLarge)
}
