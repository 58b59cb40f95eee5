package server_test

import (
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/server"
)

const openEncounterPrescriptions = `{ encounter(id: "E-2003") { prescriptions { id } } }`

func prescriptionIDs(t *testing.T, r result) []string {
	t.Helper()
	var ids []string
	for _, p := range list(t, r.Data, "encounter", "prescriptions") {
		ids = append(ids, at(p, "id").(string))
	}
	return ids
}

func TestReadYourWritesWaitsUntilTheEventIsApplied(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{AwaitTimeout: 10 * time.Second, AwaitPollInterval: time.Millisecond})
	next, err := fakestore.Next()
	if err != nil {
		t.Fatal(err)
	}
	var checks atomic.Int32
	// The aggregator applies the event while the API is polling: on the third check.
	h.store.OnEventApplied(func(id string) {
		if id == next.Event.ID && checks.Add(1) == 3 {
			if err := h.store.Apply(next); err != nil {
				t.Error(err)
			}
		}
	})
	r := h.query(auth.Clinician, openEncounterPrescriptions, nil, withHeader("X-Prontuario-Await-Event", next.Event.ID)).ok(t)
	if got := prescriptionIDs(t, r); !reflect.DeepEqual(got, []string{"RX-3003", "RX-3999"}) {
		t.Errorf("prescriptions %v, want the awaited RX-3999 too", got)
	}
	c, _ := r.Extensions["consistency"].(map[string]any)
	if c["applied"] != true || !reflect.DeepEqual(c["awaited"], []any{next.Event.ID}) || !reflect.DeepEqual(c["pending"], []any{}) {
		t.Errorf("consistency %v, want applied with nothing pending", c)
	}
	if n := checks.Load(); n < 3 {
		t.Errorf("EventApplied checked %d times, want at least 3", n)
	}
}

func TestReadYourWritesAnswersWithWhatItHasWhenTheBoundExpires(t *testing.T) {
	t.Parallel()
	bound := 50 * time.Millisecond
	h := newHarness(t, server.Config{AwaitTimeout: bound, AwaitPollInterval: 5 * time.Millisecond})
	next, err := fakestore.Next()
	if err != nil {
		t.Fatal(err)
	}
	known := h.deliveries[0].Event.ID
	start := time.Now()
	r := h.query(auth.Clinician, openEncounterPrescriptions, nil,
		withHeader("X-Prontuario-Await-Event", known+", "+next.Event.ID)).ok(t)
	if elapsed := time.Since(start); elapsed < bound {
		t.Errorf("answered after %s, before the %s bound", elapsed, bound)
	}
	if got := prescriptionIDs(t, r); !reflect.DeepEqual(got, []string{"RX-3003"}) {
		t.Errorf("prescriptions %v, want what the store has", got)
	}
	c, _ := r.Extensions["consistency"].(map[string]any)
	if c["applied"] != false || !reflect.DeepEqual(c["pending"], []any{next.Event.ID}) {
		t.Errorf("consistency %v, want applied false with %s pending", c, next.Event.ID)
	}
	if ms, _ := c["waitedMs"].(float64); ms < float64(bound.Milliseconds()) {
		t.Errorf("waitedMs %v, want at least %d", c["waitedMs"], bound.Milliseconds())
	}
}

func TestReadYourWritesWithAnAppliedEventDoesNotWait(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{AwaitTimeout: time.Minute})
	r := h.query(auth.Clinician, openEncounterPrescriptions, nil,
		withHeader("X-Prontuario-Await-Event", h.deliveries[1].Event.ID)).ok(t)
	c, _ := r.Extensions["consistency"].(map[string]any)
	if c["applied"] != true {
		t.Errorf("consistency %v, want applied", c)
	}
	if n := h.store.Calls("EventApplied"); n != 1 {
		t.Errorf("EventApplied called %d times, want 1", n)
	}
}

func TestWithoutTheHeaderNothingIsAwaited(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	r := h.query(auth.Clinician, openEncounterPrescriptions, nil).ok(t)
	if r.Extensions != nil || h.store.Calls("EventApplied") != 0 {
		t.Errorf("extensions %v and %d EventApplied calls without the header", r.Extensions, h.store.Calls("EventApplied"))
	}
}

func TestAwaitingTooManyEventsIsBadUserInput(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{MaxAwaitedEvents: 2})
	r := h.query(auth.Clinician, openEncounterPrescriptions, nil, withHeader("X-Prontuario-Await-Event", "a,b,c"))
	if r.status != 400 || len(r.Errors) != 1 || r.Errors[0].code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "at most 2") {
		t.Errorf("status %d errors %+v, want 400 BAD_USER_INPUT naming the cap", r.status, r.Errors)
	}
}
