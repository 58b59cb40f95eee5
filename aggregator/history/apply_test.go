package history

import "testing"

// Ids of the test patient and its encounter.
const (
	pat = "P-1001"
	enc = "E-2001"
)

// run is the outcome of folding a case's deliveries into a memStore.
type run struct {
	store      *memStore
	deliveries []Delivery
	// after[i] is the store's snapshot (IngestedAt included) after delivery i.
	after []string
}

func (r run) encounter(t *testing.T, id string) Encounter {
	t.Helper()
	e, ok := r.store.encounters[id]
	if !ok {
		t.Fatalf("encounter %s not stored", id)
	}
	return e
}

func (r run) patient(t *testing.T, id string) Patient {
	t.Helper()
	p, ok := r.store.patients[id]
	if !ok {
		t.Fatalf("patient %s not stored", id)
	}
	return p
}

// versions lists the record versions of a register, superseded first.
func versions[T any](r Record[T]) []int64 {
	var out []int64
	for _, v := range r.Superseded {
		out = append(out, v.Provenance.RecordVersion)
	}
	return append(out, r.Current.Provenance.RecordVersion)
}

type applyCase struct {
	name       string
	deliveries func(b *builder) []Delivery
	check      func(t *testing.T, r run)
}

func runApplyCases(t *testing.T, cases []applyCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := run{store: newMemStore(), deliveries: tc.deliveries(newBuilder(t))}
			for _, d := range r.deliveries {
				if err := r.store.apply(d); err != nil {
					t.Fatalf("apply %s v%d: %v", d.Event.Type, d.Event.AggregateVersion, err)
				}
				r.after = append(r.after, r.store.snapshot(t, false))
			}
			tc.check(t, r)
		})
	}
}
