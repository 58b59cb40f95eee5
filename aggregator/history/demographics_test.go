package history

import (
	"slices"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// nameChangedVisit is an encounter of the same patient after a change of name.
func nameChangedVisit(encounterID string, arrivedAt time.Time) contracts.EncounterState {
	v := visit(pat, encounterID, arrivedAt)
	v.Patient.Name = "Maria Oliveira Santos"
	return v
}

func TestApplyDemographics(t *testing.T) {
	build := func(b *builder) (older, newer Delivery) {
		// The newer snapshot gets the smaller event id: time must decide.
		newer = b.deliver(contracts.EncounterOpened{EncounterState: nameChangedVisit("E-2", at(0))}, 1, at(0), nurse)
		older = b.deliver(contracts.EncounterOpened{EncounterState: visit(pat, "E-1", at(-525600))}, 1, at(-525600), nurse)
		return older, newer
	}
	wantNewest := func(t *testing.T, r run) {
		p := r.patient(t, pat)
		i := slices.IndexFunc(r.deliveries, func(d Delivery) bool { return d.Event.EncounterID == "E-2" })
		if p.Demographics == nil || p.Demographics.Name != "Maria Oliveira Santos" || p.Demographics.From.EventID != r.deliveries[i].Event.ID {
			t.Fatalf("demographics %+v, want the newer snapshot, from event %s", p.Demographics, r.deliveries[i].Event.ID)
		}
		if !p.UpdatedAt.Equal(at(0)) || !slices.Equal(p.EncounterIDs, []string{"E-1", "E-2"}) {
			t.Errorf("patient updated %v with encounters %v; want %v and [E-1 E-2]", p.UpdatedAt, p.EncounterIDs, at(0))
		}
	}
	runApplyCases(t, []applyCase{
		{
			name:       "newest_triage_snapshot_wins_when_it_arrives_last",
			deliveries: func(b *builder) []Delivery { o, n := build(b); return []Delivery{o, n} },
			check:      wantNewest,
		},
		{
			name:       "newest_triage_snapshot_wins_when_it_arrives_first",
			deliveries: func(b *builder) []Delivery { o, n := build(b); return []Delivery{n, o} },
			check:      wantNewest,
		},
		{
			name: "snapshots_at_the_same_time_are_decided_by_the_greater_event_id",
			deliveries: func(b *builder) []Delivery {
				o := b.deliver(contracts.EncounterOpened{EncounterState: visit(pat, "E-1", at(0))}, 1, at(0), nurse)
				n := b.deliver(contracts.EncounterOpened{EncounterState: nameChangedVisit("E-2", at(0))}, 1, at(0), nurse)
				return []Delivery{n, o}
			},
			check: func(t *testing.T, r run) {
				if d := r.patient(t, pat).Demographics; d == nil || d.From.EventID != r.deliveries[0].Event.ID {
					t.Errorf("demographics %+v, want those of the greater event id %s", d, r.deliveries[0].Event.ID)
				}
			},
		},
	})
}
