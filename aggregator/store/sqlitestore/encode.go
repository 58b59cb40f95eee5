package sqlitestore

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
	"github.com/prontuario/prontuario/aggregator/store/internal/freshness"
	"github.com/prontuario/prontuario/aggregator/store/internal/namesearch"
)

// rows is a Batch encoded for writing: documents as BSON, keys as columns.
// Everything is encoded before the transaction starts, so a document that
// cannot be encoded fails the Commit before anything is written.
type rows struct {
	patients    []patientRow
	encounters  []encounterRow
	billable    []billableSet
	audit       []auditRow
	deadLetters []deadLetterRow
	freshness   []freshnessRow
}

type patientRow struct {
	id, birthDate string
	loadedAt      int64 // the revision the document was loaded at
	prefixes      []string
	doc           []byte
}

type encounterRow struct {
	id, patientID, sortTime string
	loadedAt                int64
	doc                     []byte
}

type billableSet struct {
	encounterID string
	items       []billableRow
}

type billableRow struct {
	id, serviceDate string
	doc             []byte
}

type auditRow struct {
	eventID, patientID, occurredAt, source string
	doc                                    []byte
}

type deadLetterRow struct {
	id, source string
	doc        []byte
}

type freshnessRow struct {
	source, newestEventTime, newestAppliedAt string
	offsets                                  map[string]int64
}

// encode encodes b; stored documents carry the revision they will have.
func encode(c codec.Codec, b store.Batch) (rows, error) {
	var r rows
	for _, p := range b.Patients {
		p.Revision++
		row := patientRow{id: p.ID, loadedAt: p.Revision - 1}
		if d := p.Demographics; d != nil {
			row.birthDate, row.prefixes = d.BirthDate, namesearch.Prefixes(d.Name)
		}
		if err := marshal(c, &row.doc, p, "patient", p.ID); err != nil {
			return rows{}, err
		}
		r.patients = append(r.patients, row)
	}
	for _, e := range b.Encounters {
		e.Revision++
		row := encounterRow{id: e.ID, patientID: e.PatientID, loadedAt: e.Revision - 1}
		if err := key(&row.sortTime, e.SortTime, "encounter", e.ID); err != nil {
			return rows{}, err
		}
		if err := marshal(c, &row.doc, e, "encounter", e.ID); err != nil {
			return rows{}, err
		}
		r.encounters = append(r.encounters, row)
	}
	for _, encounterID := range slices.Sorted(maps.Keys(b.Billable)) {
		set := billableSet{encounterID: encounterID}
		for _, it := range b.Billable[encounterID] {
			row := billableRow{id: it.ID}
			if err := key(&row.serviceDate, it.ServiceDate, "billable item", it.ID); err != nil {
				return rows{}, err
			}
			if err := marshal(c, &row.doc, it, "billable item", it.ID); err != nil {
				return rows{}, err
			}
			set.items = append(set.items, row)
		}
		r.billable = append(r.billable, set)
	}
	return r, encodeRest(c, b, &r)
}

// encodeRest encodes what Commit inserts or merges.
func encodeRest(c codec.Codec, b store.Batch, r *rows) error {
	for _, a := range b.Audit {
		row := auditRow{eventID: a.Provenance.EventID, patientID: a.PatientID, source: string(a.Provenance.Source)}
		if err := key(&row.occurredAt, a.Provenance.OccurredAt, "audit entry", row.eventID); err != nil {
			return err
		}
		if err := marshal(c, &row.doc, a, "audit entry", row.eventID); err != nil {
			return err
		}
		r.audit = append(r.audit, row)
	}
	for _, d := range b.DeadLetters {
		row := deadLetterRow{id: d.ID, source: string(d.Source)}
		if err := marshal(c, &row.doc, d, "dead letter", d.ID); err != nil {
			return err
		}
		r.deadLetters = append(r.deadLetters, row)
	}
	for _, f := range freshness.BySource(b.Freshness) {
		row := freshnessRow{source: string(f.Source), offsets: f.Offsets}
		if err := key(&row.newestEventTime, f.NewestEventTime, "freshness of", row.source); err != nil {
			return err
		}
		if err := key(&row.newestAppliedAt, f.NewestAppliedAt, "freshness of", row.source); err != nil {
			return err
		}
		r.freshness = append(r.freshness, row)
	}
	return nil
}

// marshal encodes v into *dst; a failure is the caller's bad input.
func marshal(c codec.Codec, dst *[]byte, v any, kind, id string) error {
	doc, err := c.Marshal(v)
	if err != nil {
		return fmt.Errorf("%w: %s %s: %v", store.ErrInvalidWrite, kind, id, err)
	}
	if len(doc) > store.MaxDocumentBytes {
		return fmt.Errorf("%w: %w: %s %s encodes to %d bytes, over %d", store.ErrInvalidWrite, store.ErrDocumentTooLarge, kind, id, len(doc), store.MaxDocumentBytes)
	}
	*dst = doc
	return nil
}

// key renders t as a sortable column value.
func key(dst *string, t time.Time, kind, id string) error {
	k, err := codec.TimeKey(t)
	if err != nil {
		return fmt.Errorf("%w: %s %s: %v", store.ErrInvalidWrite, kind, id, err)
	}
	*dst = k
	return nil
}
