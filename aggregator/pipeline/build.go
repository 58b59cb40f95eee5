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

// build loads what the batch touches, folds its deliveries with history.Apply
// and returns each request's own result (nil or *PoisonError) and the batch
// of changed documents to commit.
func (a *Applier) build(ctx context.Context, reqs []request) ([]error, store.Batch, error) {
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
		loadedP, loadedE, err = a.store.Load(ctx, unique(pids), unique(eids))
		if err != nil {
			return nil, store.Batch{}, fmt.Errorf("load batch: %w", err)
		}
	}
	patients := copyMap(loadedP)
	encounters := copyMap(loadedE)
	fresh := map[contracts.Source]*history.SourceFreshness{}
	results := make([]error, len(reqs))
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
		next, err := history.Apply(s, d)
		if err != nil {
			kind := history.PoisonKind(err)
			if kind == "" {
				return nil, store.Batch{}, fmt.Errorf("apply event %s: %w", e.ID, err)
			}
			results[i] = &PoisonError{Kind: kind, Err: err}
			continue
		}
		patients[e.PatientID] = next.Patient
		encounters[e.EncounterID] = next.Encounter
		b.Audit = append(b.Audit, history.AuditEntryFor(d))
		markFresh(fresh, d, now)
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
	return results, b, nil
}

func markFresh(fresh map[contracts.Source]*history.SourceFreshness, d history.Delivery, now time.Time) {
	src := d.Event.Source
	f, ok := fresh[src]
	if !ok {
		f = &history.SourceFreshness{Source: src, Offsets: map[string]int64{}}
		fresh[src] = f
	}
	if t := d.Event.OccurredAt.UTC(); t.After(f.NewestEventTime) {
		f.NewestEventTime = t
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
