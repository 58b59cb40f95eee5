package history

import (
	"encoding/json"

	"github.com/prontuario/prontuario/contracts"
)

// memStore is a tiny in-memory fake of the aggregator's store, enough to
// fold many events with Apply: it loads the slice an event touches (new
// documents for unknown ids), applies the delivery and keeps the result.
type memStore struct {
	patients   map[string]Patient
	encounters map[string]Encounter
}

func newMemStore() *memStore {
	return &memStore{patients: map[string]Patient{}, encounters: map[string]Encounter{}}
}

func (m *memStore) slice(e contracts.Event) Slice {
	p, ok := m.patients[e.PatientID]
	if !ok {
		p = NewPatient(e.PatientID)
	}
	enc, ok := m.encounters[e.EncounterID]
	if !ok {
		enc = NewEncounter(e.PatientID, e.EncounterID)
	}
	return Slice{Patient: p, Encounter: enc}
}

func (m *memStore) apply(d Delivery) error {
	s, err := Apply(m.slice(d.Event), d)
	if err != nil {
		return err
	}
	m.patients[s.Patient.ID] = s.Patient
	m.encounters[s.Encounter.ID] = s.Encounter
	return nil
}

// snapshot renders every document, and the billable items derived from each
// encounter, as JSON (maps render with sorted keys). With stripIngested,
// every "ingestedAt" field is removed first: the one field that may differ
// between two folds of the same events.
func (m *memStore) snapshot(t fataler, stripIngested bool) string {
	billable := map[string][]BillableItem{}
	for id, e := range m.encounters {
		billable[id] = BillableItems(e)
	}
	return render(t, map[string]any{"patients": m.patients, "encounters": m.encounters, "billable": billable}, stripIngested)
}

// render marshals v to JSON, optionally without its "ingestedAt" fields.
func render(t fataler, v any, stripIngested bool) string {
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if !stripIngested {
		return string(raw)
	}
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	out, err := json.Marshal(dropKey(tree, "ingestedAt"))
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(out)
}

// dropKey removes key from every object in a decoded JSON tree.
func dropKey(v any, key string) any {
	switch v := v.(type) {
	case map[string]any:
		delete(v, key)
		for k, x := range v {
			v[k] = dropKey(x, key)
		}
	case []any:
		for i, x := range v {
			v[i] = dropKey(x, key)
		}
	}
	return v
}
