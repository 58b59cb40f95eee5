package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/contracts"
)

// outcome is what became of one request of a batch.
type outcome struct {
	// err is nil or a *PoisonError.
	err error
	// duplicate is set for a delivery whose event the documents already
	// held (history.Holds): it changes nothing, not even freshness.
	duplicate bool
}

// built is a batch ready to commit: each request's outcome, the changed
// documents and what the batch adds, and the documents as they were loaded.
type built struct {
	results []outcome
	batch   store.Batch
	loadedP map[string]history.Patient
	loadedE map[string]history.Encounter
}

// build loads what the batch touches (through a.cache from st), folds its
// deliveries with history.Apply and returns each request's outcome and the
// batch of changed documents to commit.
func (a *Applier) build(ctx context.Context, st Store, reqs []request) (built, error) {
	var pids, eids []string
	for _, r := range reqs {
		if r.delivery != nil {
			pids = append(pids, r.delivery.Event.PatientID)
			eids = append(eids, r.delivery.Event.EncounterID)
		}
	}
	var (
		loadedP map[string]history.Patient
		loadedE map[string]history.Encounter
		err     error
	)
	if len(pids) > 0 {
		loadedP, loadedE, err = a.cache.load(ctx, st, unique(pids), unique(eids))
		if err != nil {
			return built{}, err
		}
	}
	patients := copyMap(loadedP)
	encounters := copyMap(loadedE)
	fresh := map[contracts.Source]*history.SourceFreshness{}
	results := make([]outcome, len(reqs))
	var b store.Batch
	now := a.cfg.Now().UTC()
	for i, r := range reqs {
		if r.deadLetter != nil {
			b.DeadLetters = append(b.DeadLetters, *r.deadLetter)
			continue
		}
		d := *r.delivery
		e := d.Event
		s := history.NewSlice(e.PatientID, e.EncounterID)
		if p, ok := patients[e.PatientID]; ok {
			s.Patient = p
		}
		if enc, ok := encounters[e.EncounterID]; ok {
			s.Encounter = enc
		}
		duplicate := history.Holds(s, d)
		// A duplicate is applied too: it may carry earlier delivery
		// coordinates, which the documents keep (history.Provenance).
		next, err := history.Apply(s, d)
		if err != nil {
			kind := history.PoisonKind(err)
			if kind == "" {
				return built{}, fmt.Errorf("apply event %s: %w", e.ID, err)
			}
			results[i] = outcome{err: &PoisonError{Kind: kind, Err: err}}
			continue
		}
		results[i].duplicate = duplicate
		patients[e.PatientID] = next.Patient
		encounters[e.EncounterID] = next.Encounter
		// Audit entries are inserted once per event id, so a duplicate's
		// changes nothing; it is written anyway to complete what a crash
		// between the documents and the audit entry left out (MongoDB).
		b.Audit = append(b.Audit, history.AuditEntryFor(d))
		markFresh(fresh, d, now, duplicate)
	}
	for id, p := range patients {
		if old, ok := loadedP[id]; !ok || !reflect.DeepEqual(old, p) {
			b.Patients = append(b.Patients, p)
		}
	}
	for id, enc := range encounters {
		if old, ok := loadedE[id]; !ok || !reflect.DeepEqual(old, enc) {
			b.Encounters = append(b.Encounters, enc)
		}
		// The billable set goes with every touched encounter, changed or
		// not: on a store without transactions, a crash may have written the
		// encounter but not its billable items, and re-applying the same
		// events (which changes nothing) must still complete them.
		if b.Billable == nil {
			b.Billable = map[string][]history.BillableItem{}
		}
		b.Billable[id] = history.BillableItems(enc)
	}
	for _, f := range fresh {
		b.Freshness = append(b.Freshness, *f)
	}
	return built{results: results, batch: b, loadedP: loadedP, loadedE: loadedE}, nil
}

// markFresh merges a delivery into its source's freshness: its event time,
// apply time and offset. A duplicate contributes only its event time, which
// the stored maximum already covers (so it changes nothing) unless a crash
// on a store without transactions lost the freshness write of its first
// apply; it moves neither the apply time nor the offsets.
func markFresh(fresh map[contracts.Source]*history.SourceFreshness, d history.Delivery, now time.Time, duplicate bool) {
	src := d.Event.Source
	f, ok := fresh[src]
	if !ok {
		f = &history.SourceFreshness{Source: src, Offsets: map[string]int64{}}
		fresh[src] = f
	}
	if t := d.Event.OccurredAt.UTC(); t.After(f.NewestEventTime) {
		f.NewestEventTime = t
	}
	if duplicate {
		return
	}
	f.NewestAppliedAt = now
	key := strconv.Itoa(int(d.Partition))
	if off, ok := f.Offsets[key]; !ok || d.Offset > off {
		f.Offsets[key] = d.Offset
	}
}

func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func copyMap[T any](m map[string]T) map[string]T {
	out := make(map[string]T, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func newTimer(d time.Duration) *time.Timer { return time.NewTimer(d) }
