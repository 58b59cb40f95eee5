package storetest

import (
	"testing"
)

// Option adjusts the suite to what a backend can guarantee.
type Option func(*options)

type options struct {
	concurrentWriters bool
	largeHistories    bool
}

// WithoutLargeHistories skips the test of a patient with 10,000 records,
// with a message saying so. Only for FerretDB 1.x, which scans a whole
// collection for every lookup: production MongoDB must pass it.
func WithoutLargeHistories() Option {
	return func(o *options) { o.largeHistories = false }
}

// WithoutConcurrentWriters skips the test of two writers racing on one
// document. Only for FerretDB 1.x, which does not re-check a replace's
// filter at write time (see NOTES.md): production MongoDB must pass it.
func WithoutConcurrentWriters() Option {
	return func(o *options) { o.concurrentWriters = false }
}

// test is one contract test, run on a fresh store.
type test[S Store[S]] struct {
	name string
	run  func(t *testing.T, s S)
}

// Run runs the contract suite. open must return a store on a fresh, empty
// database each time it is called, and arrange (t.Cleanup) for it to be
// closed and removed. Every test runs in parallel with the others.
func Run[S Store[S]](t *testing.T, open func(t testing.TB) S, opts ...Option) {
	o := options{concurrentWriters: true, largeHistories: true}
	for _, opt := range opts {
		opt(&o)
	}
	tests := [][]test[S]{
		documentTests[S](),
		conflictTests[S](),
		insertOnceTests[S](),
		freshnessTests[S](),
		pagingTests[S](),
		searchTests[S](),
		generationTests[S](),
		validationTests[S](),
		concurrencyTests[S](o),
		largeTests[S](o),
	}
	for _, group := range tests {
		for _, tc := range group {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				tc.run(t, open(t))
			})
		}
	}
}
