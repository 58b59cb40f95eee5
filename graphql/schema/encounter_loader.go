package schema

import (
	"context"
	"fmt"
	"sync"

	"github.com/prontuario/prontuario/aggregator/history"
)

// patientNode is what the Patient type resolves from: the patient document
// and the loader it shares with the other patients of its page.
type patientNode struct {
	history.Patient
	encounters *encounterLoader
}

// patientNodes wraps the patients of one page, sharing one loader.
func patientNodes(pats []history.Patient) []patientNode {
	l := &encounterLoader{patients: make([]string, len(pats))}
	out := make([]patientNode, len(pats))
	for i, p := range pats {
		l.patients[i] = p.ID
		out[i] = patientNode{Patient: p, encounters: l}
	}
	return out
}

// encounterLoader reads Patient.encounters for every patient of one page
// in one store call (Reader.EncountersOfPatients), the first time any of
// them resolves it, instead of one call per patient: graphql-go resolves
// the patients of a list one after the other, so without it a page of 100
// patients costs 101 reads. Each distinct set of arguments (an alias with
// other arguments) is one more call. It lives as long as the request's
// answer and is safe for concurrent use.
type encounterLoader struct {
	patients []string // the page's patient ids, in order

	mu     sync.Mutex
	loaded map[string]map[string]encounterPage // by argument key, then patient id
}

// encounterPage is one patient's answer: a page and how it was asked for,
// or the error of that patient's arguments or of the batch read.
type encounterPage struct {
	res   history.Page[history.Encounter]
	pg    page
	scope string
	err   error
}

// load returns patientID's page for the arguments identified by key,
// calling read with the whole page's patient ids the first time key is
// seen.
func (l *encounterLoader) load(key, patientID string, read func(ids []string) map[string]encounterPage) encounterPage {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.loaded == nil {
		l.loaded = map[string]map[string]encounterPage{}
	}
	pages, ok := l.loaded[key]
	if !ok {
		pages = read(l.patients)
		l.loaded[key] = pages
	}
	if p, ok := pages[patientID]; ok {
		return p
	}
	return encounterPage{err: storeError("Patient.encounters", fmt.Errorf("patient %s is not in its page", patientID))}
}

// encounterArgsKey identifies the arguments of one Patient.encounters
// selection, whatever patient it is resolved for.
func encounterArgsKey(args map[string]any) string {
	return fmt.Sprintf("%v\x00%v\x00%v\x00%v", args["first"], args["after"], args["from"], args["to"])
}

// readEncounters reads the encounters of ids with the arguments args in
// one store call: each patient's cursor is checked against its own scope
// (a bad one fails that patient only), and a store failure fails them all.
func (b *builder) readEncounters(ctx context.Context, args map[string]any, ids []string) map[string]encounterPage {
	out := make(map[string]encounterPage, len(ids))
	from, to, err := periodArgs(args, false)
	if err != nil {
		for _, id := range ids {
			out[id] = encounterPage{err: err}
		}
		return out
	}
	var qs []history.EncounterQuery
	var asked []string
	for _, id := range ids {
		scope := id + "\x00" + scopeTime(from) + "\x00" + scopeTime(to)
		var key encounterCursor
		pg, err := b.readPageArgs(args, "encounters", scope, &key)
		if err != nil {
			out[id] = encounterPage{err: err}
			continue
		}
		q := history.EncounterQuery{PatientID: id, From: from, To: to, Limit: pg.limit}
		if pg.after {
			q.After = &history.EncounterKey{SortTime: key.T, ID: key.ID}
		}
		qs = append(qs, q)
		asked = append(asked, id)
		out[id] = encounterPage{pg: pg, scope: scope}
	}
	if len(qs) == 0 {
		return out
	}
	res, err := b.deps.Reader.EncountersOfPatients(ctx, qs)
	if err == nil && len(res) != len(qs) {
		err = fmt.Errorf("%d pages for %d queries", len(res), len(qs))
	}
	for i, id := range asked {
		p := out[id]
		if err != nil {
			p.err = storeError(fmt.Sprintf("read encounters of %d patients", len(qs)), err)
		} else {
			p.res = res[i]
		}
		out[id] = p
	}
	return out
}
