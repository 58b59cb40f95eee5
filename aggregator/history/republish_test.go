package history

import (
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// republished is the same event as d read again from a later message of its
// partition, received later, as after a relay published it twice.
func republished(d Delivery) Delivery {
	d.Offset += 500
	d.ReceivedAt = d.ReceivedAt.Add(time.Hour)
	return d
}

func TestApplyEventPublishedTwice(t *testing.T) {
	opened := func(b *builder) Delivery {
		return b.deliver(contracts.EncounterOpened{EncounterState: visit(pat, enc, at(0))}, 1, at(0), nurse)
	}
	runApplyCases(t, []applyCase{
		{
			name: "later_copy_arriving_first_gives_way_to_the_earlier_offset_keeping_ingested_at",
			deliveries: func(b *builder) []Delivery {
				v1, _ := rxVersions(b)
				return []Delivery{republished(v1), v1}
			},
			check: func(t *testing.T, r run) {
				p := r.encounter(t, enc).Prescriptions[0].Current.Provenance
				if p.Offset != r.deliveries[1].Offset || !p.IngestedAt.Equal(r.deliveries[0].ReceivedAt) {
					t.Errorf("offset %d ingested %v, want the earlier copy's offset %d and the first apply's time %v",
						p.Offset, p.IngestedAt, r.deliveries[1].Offset, r.deliveries[0].ReceivedAt)
				}
			},
		},
		{
			name: "later_copy_arriving_last_changes_nothing",
			deliveries: func(b *builder) []Delivery {
				v1, _ := rxVersions(b)
				return []Delivery{v1, republished(v1)}
			},
			check: func(t *testing.T, r run) {
				if r.after[0] != r.after[1] {
					t.Errorf("the later copy changed the documents:\n%s\n%s", r.after[0], r.after[1])
				}
			},
		},
		{
			name: "superseded_version_keeps_the_earlier_offset_whichever_copy_arrives_first",
			deliveries: func(b *builder) []Delivery {
				v1, v2 := rxVersions(b)
				return []Delivery{v2, republished(v1), v1}
			},
			check: func(t *testing.T, r run) {
				old := r.encounter(t, enc).Prescriptions[0].Superseded[0].Provenance
				if old.Offset != r.deliveries[2].Offset || !old.IngestedAt.Equal(r.deliveries[1].ReceivedAt) {
					t.Errorf("superseded v1 at offset %d ingested %v, want offset %d ingested %v",
						old.Offset, old.IngestedAt, r.deliveries[2].Offset, r.deliveries[1].ReceivedAt)
				}
			},
		},
		{
			name: "demographics_keep_the_earlier_offset_whichever_copy_arrives_first",
			deliveries: func(b *builder) []Delivery {
				o := opened(b)
				return []Delivery{republished(o), o}
			},
			check: func(t *testing.T, r run) {
				from := r.patient(t, pat).Demographics.From
				if from.Offset != r.deliveries[1].Offset || !from.IngestedAt.Equal(r.deliveries[0].ReceivedAt) {
					t.Errorf("demographics from offset %d ingested %v, want offset %d ingested %v",
						from.Offset, from.IngestedAt, r.deliveries[1].Offset, r.deliveries[0].ReceivedAt)
				}
			},
		},
	})
}

func TestHolds(t *testing.T) {
	b := newBuilder(t)
	v1, v2 := rxVersions(b)
	opened := b.deliver(contracts.EncounterOpened{EncounterState: visit(pat, enc, at(0))}, 1, at(0), nurse)
	other := twin(b, v1)
	m := newMemStore()
	for _, d := range []Delivery{v2, v1, opened} {
		if err := m.apply(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		d    Delivery
		want bool
	}{
		{"current_version_from_the_same_event_is_held", v2, true},
		{"superseded_version_from_the_same_event_is_held", v1, true},
		{"the_same_event_from_another_offset_is_held", republished(v1), true},
		{"the_encounter_record_is_held", opened, true},
		{"another_event_with_a_held_version_is_not_held", other, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Holds(m.slice(tc.d.Event), tc.d); got != tc.want {
				t.Errorf("Holds = %v, want %v", got, tc.want)
			}
		})
	}
	if Holds(NewSlice(pat, enc), v1) {
		t.Error("an empty slice holds an event")
	}
}
