package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

// ctx is the test's context, bounded so a hung backend fails the test.
func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

// committer is what mustCommit needs of a store.
type committer interface {
	Commit(ctx context.Context, b store.Batch) error
}

func mustCommit(t testing.TB, s committer, b store.Batch) {
	t.Helper()
	if err := s.Commit(ctx(t), b); err != nil {
		t.Fatalf("commit: %v", err)
	}
}

// outcome is a method's result and error, checked by must.
type outcome[T any] struct {
	value T
	err   error
}

// result captures a call's two results: result(s.Patient(ctx, id)).must(t).
func result[T any](value T, err error) outcome[T] { return outcome[T]{value, err} }

// must fails the test if the call failed, and returns its result.
func (o outcome[T]) must(t testing.TB) T {
	t.Helper()
	if o.err != nil {
		t.Fatalf("unexpected error: %v", o.err)
	}
	return o.value
}

// assertEqual fails with the first differing line of the JSON renderings
// when got is not deeply equal to want.
func assertEqual[T any](t testing.TB, what string, got, want T) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", what, i+1, gl[i], wl[i])
		}
	}
	if len(gl) != len(wl) {
		t.Fatalf("%s: got %d JSON lines, want %d", what, len(gl), len(wl))
	}
	t.Fatalf("%s: not deeply equal, same JSON (nil vs empty, or time zone):\n got: %#v\nwant: %#v", what, got, want)
}

// loadEncounter loads one encounter the way the shell does.
func loadEncounter[S Store[S]](t testing.TB, s S, id string) history.Encounter {
	t.Helper()
	_, encounters, err := s.Load(ctx(t), nil, []string{id})
	if err != nil {
		t.Fatalf("load encounter %s: %v", id, err)
	}
	e, ok := encounters[id]
	if !ok {
		t.Fatalf("load encounter %s: not stored", id)
	}
	return e
}
