package history

import (
	"maps"
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/prontuario/prontuario/contracts"
)

// recordKey identifies a source record in a world.
type recordKey struct {
	source          contracts.Source
	encounterID, id string
}

// checkWorld checks the documents of a fold against what the deliveries
// say, computed straight from them: every version of every record held once,
// from the event with the smallest id; encounters and patients updated at
// their newest event; UNKNOWN exactly when no triage event exists; sorted by
// arrival, or else by the earliest event held; the demographics from the
// newest triage event by (occurredAt, event id).
func checkWorld(t *rapid.T, w world, m *memStore) {
	versions := map[recordKey]map[int64]string{}
	winnerAt := map[recordKey]map[int64]time.Time{}
	sortTime := map[string]time.Time{} // arrival, until records are considered below
	updated := map[string]time.Time{}
	encountersOf := map[string][]string{}
	newestTriage := map[string]Provenance{}
	hasVisit := map[string]bool{}
	for _, d := range w.deliveries {
		e, p := d.Event, ProvenanceOf(d)
		k := recordKey{e.Source, e.EncounterID, e.AggregateID}
		if versions[k] == nil {
			versions[k], winnerAt[k] = map[int64]string{}, map[int64]time.Time{}
		}
		if id, ok := versions[k][e.AggregateVersion]; !ok || e.ID < id {
			versions[k][e.AggregateVersion], winnerAt[k][e.AggregateVersion] = e.ID, e.OccurredAt
		}
		updated[e.EncounterID] = latest(updated[e.EncounterID], e.OccurredAt)
		updated[e.PatientID] = latest(updated[e.PatientID], e.OccurredAt)
		if !slices.Contains(encountersOf[e.PatientID], e.EncounterID) {
			encountersOf[e.PatientID] = append(encountersOf[e.PatientID], e.EncounterID)
		}
		if e.Source == contracts.SourceTriage {
			hasVisit[e.EncounterID] = true
			st, _ := stateOf(e.Payload)
			sortTime[e.EncounterID] = st.(contracts.EncounterState).ArrivedAt
			if cur, ok := newestTriage[e.PatientID]; !ok || newer(p, cur) {
				newestTriage[e.PatientID] = p
			}
		}
	}
	for k, want := range versions {
		got, problem := heldVersions(m.encounters[k.encounterID], k)
		if problem != "" || !maps.Equal(got, want) {
			t.Fatalf("record %v holds versions %v (%s), want %v", k, got, problem, want)
		}
	}
	for k, times := range winnerAt {
		for _, when := range times {
			if s, ok := sortTime[k.encounterID]; !hasVisit[k.encounterID] && (!ok || when.Before(s)) {
				sortTime[k.encounterID] = when
			}
		}
	}
	for id, e := range m.encounters {
		if (e.Status == StatusUnknown) == hasVisit[id] || !e.UpdatedAt.Equal(updated[id]) || !e.SortTime.Equal(sortTime[id]) {
			t.Fatalf("encounter %s: status %s, updated %v, sort time %v; has a visit: %v, newest event %v, sort time %v",
				id, e.Status, e.UpdatedAt, e.SortTime, hasVisit[id], updated[id], sortTime[id])
		}
	}
	if len(m.patients) != len(encountersOf) {
		t.Fatalf("%d patients stored, %d in the world", len(m.patients), len(encountersOf))
	}
	for id, p := range m.patients {
		slices.Sort(encountersOf[id])
		if !slices.Equal(p.EncounterIDs, encountersOf[id]) || !p.UpdatedAt.Equal(updated[id]) {
			t.Fatalf("patient %s: encounters %v updated %v, want %v updated %v", id, p.EncounterIDs, p.UpdatedAt, encountersOf[id], updated[id])
		}
		want, known := newestTriage[id]
		if (p.Demographics != nil) != known || known && p.Demographics.From.EventID != want.EventID {
			t.Fatalf("patient %s: demographics %+v, want those of event %q", id, p.Demographics, want.EventID)
		}
	}
}

// heldVersions maps each version of the record an encounter holds to the
// event it came from, and says what is wrong with the register's shape.
func heldVersions(e Encounter, k recordKey) (map[int64]string, string) {
	switch k.source {
	case contracts.SourceTriage:
		if e.Visit == nil {
			return nil, "no visit"
		}
		return registerVersions(*e.Visit)
	case contracts.SourcePrescription:
		return findRecord(e.Prescriptions, k.id)
	case contracts.SourceLab:
		return findRecord(e.LabOrders, k.id)
	case contracts.SourceImaging:
		return findRecord(e.ImagingStudies, k.id)
	}
	return nil, "unknown source"
}

func findRecord[T any](records []Record[T], id string) (map[int64]string, string) {
	for _, r := range records {
		if r.ID == id {
			return registerVersions(r)
		}
	}
	return nil, "record missing"
}

// registerVersions maps versions to event ids, checking that Superseded
// ascends strictly and stays below Current.
func registerVersions[T any](r Record[T]) (map[int64]string, string) {
	out := map[int64]string{r.Current.Provenance.RecordVersion: r.Current.Provenance.EventID}
	prev := int64(0)
	for _, v := range r.Superseded {
		if v.Provenance.RecordVersion <= prev {
			return out, "superseded versions out of order"
		}
		prev = v.Provenance.RecordVersion
		out[prev] = v.Provenance.EventID
	}
	if prev >= r.Current.Provenance.RecordVersion {
		return out, "current version is not the highest"
	}
	return out, ""
}
