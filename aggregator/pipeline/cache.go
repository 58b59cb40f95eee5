package pipeline

import (
	"context"
	"fmt"
	"maps"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

// generationNamer is implemented by stores that say which generation they
// write: sqlitestore and mongostore, "" while following the active one.
type generationNamer interface {
	Generation() string
}

// docCache keeps the patient and encounter documents as the applier's own
// last commits left them, so that the next batches, which mostly touch the
// same patients, need not load and decode them again: loading is most of a
// batch's work besides the commit itself.
//
// It is safe because every write carries the revision the document was
// read at: if another writer (another replica, an operator) changed a
// cached document, Commit fails with store.ErrConflict, the cache is
// emptied and the batch is reloaded from the store. It is emptied too after
// any failed commit (which may have written part of the batch) and whenever
// the batch's store names another generation than the cached documents'.
// A store that names no generation ("") follows the active one call by call:
// nothing is cached for it, since a switch could otherwise pair a cached
// document with a stored one of the same revision in another generation. A
// store that does not name its generation at all (a wrapper) is taken to
// write one fixed place. Used by Run's goroutine only.
type docCache struct {
	max        int // documents kept at most; < 1 disables the cache
	generation string
	// using is set by load when the batch's store may be cached.
	using      bool
	patients   map[string]history.Patient
	encounters map[string]history.Encounter
}

func newDocCache(max int) *docCache {
	c := &docCache{max: max}
	c.reset()
	return c
}

func (c *docCache) reset() {
	c.patients, c.encounters = map[string]history.Patient{}, map[string]history.Encounter{}
}

// load returns the documents with the given ids, from the cache when held
// there and from st otherwise; ids stored nowhere are absent.
func (c *docCache) load(ctx context.Context, st Store, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error) {
	gen, named := "", false
	if n, ok := st.(generationNamer); ok {
		gen, named = n.Generation(), true
	}
	if gen != c.generation {
		c.reset()
		c.generation = gen
	}
	c.using = c.max > 0 && (!named || gen != "")
	if !c.using {
		return st.Load(ctx, patientIDs, encounterIDs)
	}
	patients, missP := hits(c.patients, patientIDs)
	encounters, missE := hits(c.encounters, encounterIDs)
	if len(missP) == 0 && len(missE) == 0 {
		return patients, encounters, nil
	}
	p, e, err := st.Load(ctx, missP, missE)
	if err != nil {
		return nil, nil, fmt.Errorf("load batch: %w", err)
	}
	maps.Copy(patients, p)
	maps.Copy(encounters, e)
	return patients, encounters, nil
}

// hits splits ids into the cached documents and the ids to load.
func hits[T any](cached map[string]T, ids []string) (map[string]T, []string) {
	found := make(map[string]T, len(ids))
	var miss []string
	for _, id := range ids {
		if v, ok := cached[id]; ok {
			found[id] = v
		} else {
			miss = append(miss, id)
		}
	}
	return found, miss
}

// committed records what a successful Commit of b left stored: the written
// documents at their new revision, the others as loaded.
func (c *docCache) committed(b store.Batch, loadedP map[string]history.Patient, loadedE map[string]history.Encounter) {
	if !c.using {
		return
	}
	if len(c.patients)+len(c.encounters)+len(loadedP)+len(loadedE) > c.max {
		c.reset()
	}
	maps.Copy(c.patients, loadedP)
	maps.Copy(c.encounters, loadedE)
	for _, p := range b.Patients {
		p.Revision++
		c.patients[p.ID] = p
	}
	for _, e := range b.Encounters {
		e.Revision++
		c.encounters[e.ID] = e
	}
}
