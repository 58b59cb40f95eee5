package fakestore

import (
	"context"
	"slices"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
)

// The tests of the API rely on these shapes of the fixture world.
func TestWorldHasTheShapesTheAPITestsNeed(t *testing.T) {
	s, _, err := Seeded()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	complete, err := s.Encounter(ctx, EncounterComplete)
	if err != nil {
		t.Fatal(err)
	}
	if complete.Status != history.StatusClosed || !complete.Complete() {
		t.Errorf("E-2001 status %s missing %v, want CLOSED and complete", complete.Status, complete.Missing)
	}
	if len(complete.Prescriptions) != 2 || len(complete.LabOrders) != 1 || len(complete.ImagingStudies) != 1 {
		t.Errorf("E-2001 has %d prescriptions, %d lab orders, %d studies; want 2, 1, 1",
			len(complete.Prescriptions), len(complete.LabOrders), len(complete.ImagingStudies))
	}
	if n := len(complete.LabOrders[0].Superseded); n != 4 {
		t.Errorf("LO-4001 has %d superseded versions, want 4", n)
	}
	unknown, err := s.Encounter(ctx, EncounterUnknown)
	if err != nil {
		t.Fatal(err)
	}
	if unknown.Status != history.StatusUnknown || !slices.Equal(unknown.Missing, []string{history.MissingEncounter, history.MissingTriage}) {
		t.Errorf("E-2002 status %s missing %v, want UNKNOWN missing [ENCOUNTER TRIAGE]", unknown.Status, unknown.Missing)
	}
	items, err := s.BillableItems(ctx, history.BillableQuery{Limit: history.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	if items.Total != BillableTotal {
		t.Errorf("%d billable items, want %d", items.Total, BillableTotal)
	}
	many, err := s.Patient(ctx, PatientMany)
	if err != nil {
		t.Fatal(err)
	}
	if len(many.EncounterIDs) != ManyEncounters {
		t.Errorf("P-1003 has %d encounters, want %d", len(many.EncounterIDs), ManyEncounters)
	}
}

func TestPaginateWalksEveryItemOnce(t *testing.T) {
	s, _, err := Seeded()
	if err != nil {
		t.Fatal(err)
	}
	var after *history.EncounterKey
	seen := map[string]bool{}
	for pages := 0; ; pages++ {
		if pages > ManyEncounters {
			t.Fatal("paging does not end")
		}
		p, err := s.Encounters(context.Background(), history.EncounterQuery{PatientID: PatientMany, After: after, Limit: 40})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Items {
			if seen[e.ID] {
				t.Fatalf("encounter %s returned twice", e.ID)
			}
			seen[e.ID] = true
		}
		if !p.HasNext {
			break
		}
		last := p.Items[len(p.Items)-1]
		after = &history.EncounterKey{SortTime: last.SortTime, ID: last.ID}
	}
	if len(seen) != ManyEncounters {
		t.Errorf("walked %d encounters, want %d", len(seen), ManyEncounters)
	}
}
