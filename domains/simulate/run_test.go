package simulate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeServices stands in for the four domain services: it accepts every
// command with a fresh id, replays the first answer for a repeated
// Idempotency-Key, and can fail the first tries of chosen commands.
type fakeServices struct {
	mu       sync.Mutex
	next     int
	answers  map[string]string // Idempotency-Key -> first answer
	fail     func(path string, try int) int
	tries    map[string]int // Idempotency-Key -> tries seen
	executed int            // commands that took effect
}

func newFakeServices() *fakeServices {
	return &fakeServices{answers: map[string]string{}, tries: map[string]int{}}
}

func (f *fakeServices) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tries[key]++
	if f.fail != nil {
		if status := f.fail(r.URL.Path, f.tries[key]); status != 0 {
			w.WriteHeader(status)
			return
		}
	}
	if a, ok := f.answers[key]; ok {
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(a))
		return
	}
	f.next++
	f.executed++
	a := fmt.Sprintf(`{"id":"R-%d","eventId":"ev-%d","version":1}`, f.next, f.next)
	f.answers[key] = a
	w.WriteHeader(http.StatusCreated)
	_, _ = w.Write([]byte(a))
}

func configFor(url string) Config {
	return Config{TriageURL: url, PrescriptionURL: url, LabURL: url, ImagingURL: url,
		Patients: 6, Rate: 2000, Concurrency: 3, Seed: 42, RetryFor: 5 * time.Second}
}

func TestRunCountsEveryAcceptedCommandAndPrintsProgress(t *testing.T) {
	f := newFakeServices()
	srv := httptest.NewServer(f)
	defer srv.Close()
	var progress bytes.Buffer
	var mu sync.Mutex
	var accepted []Accepted
	sum, err := Run(context.Background(), configFor(srv.URL), &progress, func(a Accepted) {
		mu.Lock()
		defer mu.Unlock()
		accepted = append(accepted, a)
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Journeys != 6 || sum.Rejected != 0 || sum.Failed != 0 {
		t.Fatalf("summary %+v, want 6 complete journeys and no failures", sum)
	}
	if sum.Accepted != f.executed || len(accepted) != f.executed {
		t.Errorf("accepted %d (sink %d), the services executed %d", sum.Accepted, len(accepted), f.executed)
	}
	total := 0
	for _, n := range sum.ByCommand {
		total += n
	}
	if total != sum.Accepted || sum.ByCommand["OpenEncounter"] != 6 {
		t.Errorf("by command %v does not add up to %d accepted with 6 encounters opened", sum.ByCommand, sum.Accepted)
	}
	if sum.P50 <= 0 || sum.P50 > sum.P95 || sum.P95 > sum.P99 {
		t.Errorf("percentiles not ordered: p50 %s p95 %s p99 %s", sum.P50, sum.P95, sum.P99)
	}
	if !strings.Contains(progress.String(), "6/6 patients") || !strings.Contains(progress.String(), "[##############################]") {
		t.Errorf("progress bar never reached 6/6:\n%q", progress.String())
	}
	for _, a := range accepted {
		if a.PatientID == "" && !strings.HasPrefix(a.Command, "Register") && a.Command != "AuthorizeClass" {
			t.Errorf("accepted %s names no patient", a.Command)
		}
	}
	var out bytes.Buffer
	sum.Print(&out)
	if !strings.Contains(out.String(), fmt.Sprintf("%d accepted, 0 rejected, 0 given up", sum.Accepted)) {
		t.Errorf("printed summary:\n%s", out.String())
	}
}

func TestRunRetriesAFailedCommandWithItsKeyAndRecordsItOnce(t *testing.T) {
	f := newFakeServices()
	f.fail = func(path string, try int) int {
		if strings.HasSuffix(path, "/triage") && try <= 2 {
			return http.StatusServiceUnavailable
		}
		return 0
	}
	srv := httptest.NewServer(f)
	defer srv.Close()
	var mu sync.Mutex
	events := map[string]int{}
	sum, err := Run(context.Background(), configFor(srv.URL), nil, func(a Accepted) {
		mu.Lock()
		defer mu.Unlock()
		events[a.EventID]++
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Journeys != 6 || sum.Failed != 12 || sum.GaveUp != 0 {
		t.Errorf("summary %+v: want 6 journeys, and 12 failed tries (2 per triage)", sum)
	}
	for id, n := range events {
		if n != 1 {
			t.Errorf("event %s recorded %d times", id, n)
		}
	}
	if len(events) != f.executed {
		t.Errorf("%d events recorded, %d executed", len(events), f.executed)
	}
}

func TestRunGivesUpOnACommandAfterItsRetryWindow(t *testing.T) {
	f := newFakeServices()
	f.fail = func(path string, _ int) int {
		if strings.HasSuffix(path, "/v1/encounters") {
			return http.StatusBadGateway
		}
		return 0
	}
	srv := httptest.NewServer(f)
	defer srv.Close()
	cfg := configFor(srv.URL)
	cfg.Patients, cfg.RetryFor = 1, 500*time.Millisecond
	sum, err := Run(context.Background(), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Journeys != 0 || sum.Failed < 2 || sum.GaveUp != 1 {
		t.Errorf("summary %+v: want no journey, at least two failed tries and one command given up", sum)
	}
}

func TestRunCountsRejectedCommands(t *testing.T) {
	f := newFakeServices()
	f.fail = func(path string, _ int) int {
		if strings.HasSuffix(path, "/close") {
			return http.StatusConflict
		}
		return 0
	}
	srv := httptest.NewServer(f)
	defer srv.Close()
	sum, err := Run(context.Background(), configFor(srv.URL), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected != 6 || sum.Journeys != 0 {
		t.Errorf("summary %+v: want 6 rejected closes and no complete journey", sum)
	}
}

func TestDurationStopsNewJourneysButFinishesThoseUnderWay(t *testing.T) {
	f := newFakeServices()
	srv := httptest.NewServer(f)
	defer srv.Close()
	cfg := configFor(srv.URL)
	cfg.Patients, cfg.Concurrency, cfg.Rate, cfg.Duration = 1000, 2, 200, 300*time.Millisecond
	sum, err := Run(context.Background(), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 0 {
		t.Errorf("%d commands failed: journeys under way were cut off", sum.Failed)
	}
	if sum.Journeys == 0 || sum.Journeys >= 1000 {
		t.Errorf("%d journeys completed: want some, not all 1000", sum.Journeys)
	}
}

func TestConfigValidateReportsEveryProblem(t *testing.T) {
	err := Config{TriageURL: "nope", PrescriptionURL: "x", LabURL: "http://l", ImagingURL: "http://i",
		Patients: -1, Rate: -1, Concurrency: -1, RequestTimeout: time.Second, RetryFor: -1}.Validate()
	if err == nil {
		t.Fatal("invalid config accepted")
	}
	for _, want := range []string{"triage URL", "prescription URL", "patients", "rate", "concurrency", "retry window"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

// The answer a service gives decodes into Accepted with its command's ids.
func TestAcceptedDecodesTheServiceAnswer(t *testing.T) {
	var a Accepted
	if err := json.Unmarshal([]byte(`{"id":"E-1","eventId":"ev","version":3}`), &a); err != nil || a.ID != "E-1" || a.EventID != "ev" || a.Version != 3 {
		t.Fatalf("decoded %+v, %v", a, err)
	}
}
