package mongostore

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"

	"go.mongodb.org/mongo-driver/bson"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
	"github.com/prontuario/prontuario/aggregator/store/internal/freshness"
	"github.com/prontuario/prontuario/aggregator/store/internal/namesearch"
)

// prepared is a Batch encoded for writing. Everything is encoded before the
// first write, so a document that cannot be encoded fails Commit before
// anything is written.
type prepared struct {
	commitID    string
	patients    []revisioned
	encounters  []revisioned
	billable    map[string][]keyed // by encounter id
	audit       []keyed
	deadLetters []keyed
	freshness   []history.SourceFreshness
}

// revisioned is a patient or encounter document, stored at loadedAt+1.
type revisioned struct {
	id       string
	loadedAt int64
	doc      bson.Raw
}

type keyed struct {
	id  string
	doc bson.Raw
}

func prepare(c codec.Codec, b store.Batch) (prepared, error) {
	var suffix [8]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		return prepared{}, fmt.Errorf("commit id: %w", err)
	}
	p := prepared{commitID: hex.EncodeToString(suffix[:]), billable: map[string][]keyed{}}
	enc := func(v any, kind, id string) (bson.Raw, error) {
		doc, err := c.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%w: %s %s: %v", store.ErrInvalidWrite, kind, id, err)
		}
		if len(doc) > store.MaxDocumentBytes {
			return nil, fmt.Errorf("%w: %w: %s %s encodes to %d bytes, over MongoDB's %d", store.ErrInvalidWrite, store.ErrDocumentTooLarge, kind, id, len(doc), store.MaxDocumentBytes)
		}
		return doc, nil
	}
	for _, pt := range b.Patients {
		pt.Revision++
		doc := patientDoc{Patient: pt, NamePrefixes: []string{}, CommitID: p.commitID}
		if pt.Demographics != nil {
			doc.NamePrefixes = namesearch.Prefixes(pt.Demographics.Name)
		}
		raw, err := enc(doc, "patient", pt.ID)
		if err != nil {
			return prepared{}, err
		}
		p.patients = append(p.patients, revisioned{id: pt.ID, loadedAt: pt.Revision - 1, doc: raw})
	}
	for _, e := range b.Encounters {
		e.Revision++
		raw, err := enc(encounterDoc{Encounter: e, CommitID: p.commitID}, "encounter", e.ID)
		if err != nil {
			return prepared{}, err
		}
		p.encounters = append(p.encounters, revisioned{id: e.ID, loadedAt: e.Revision - 1, doc: raw})
	}
	for _, encounterID := range slices.Sorted(maps.Keys(b.Billable)) {
		p.billable[encounterID] = []keyed{}
		for _, it := range b.Billable[encounterID] {
			raw, err := enc(it, "billable item", it.ID)
			if err != nil {
				return prepared{}, err
			}
			p.billable[encounterID] = append(p.billable[encounterID], keyed{id: it.ID, doc: raw})
		}
	}
	for _, a := range b.Audit {
		raw, err := enc(auditDoc{EventID: a.Provenance.EventID, AuditEntry: a}, "audit entry", a.Provenance.EventID)
		if err != nil {
			return prepared{}, err
		}
		p.audit = append(p.audit, keyed{id: a.Provenance.EventID, doc: raw})
	}
	for _, d := range b.DeadLetters {
		raw, err := enc(d, "dead letter", d.ID)
		if err != nil {
			return prepared{}, err
		}
		p.deadLetters = append(p.deadLetters, keyed{id: d.ID, doc: raw})
	}
	p.freshness = freshness.BySource(b.Freshness)
	for _, f := range p.freshness {
		if _, err := enc(freshnessDoc{SourceFreshness: f}, "freshness of", string(f.Source)); err != nil {
			return prepared{}, err
		}
	}
	return p, nil
}
