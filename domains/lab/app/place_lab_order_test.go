package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestPlaceStoresTheOrderWithItsEvent(t *testing.T) {
	a, s := newApp()
	r := place(t, a)
	if !strings.HasPrefix(r.ID, "LO-") || r.Version != 1 || r.EventID == "" {
		t.Fatalf("receipt %+v", r)
	}
	e := s.lastEvent()
	if e.ID != r.EventID || e.Type != contracts.TypeLabOrderPlaced || e.AggregateID != r.ID || e.AggregateVersion != 1 {
		t.Errorf("event %+v", e)
	}
	if e.Actor != (contracts.Actor{ID: "PR-1", Role: "physician"}) || !e.OccurredAt.Equal(orderedAt) || !e.RecordedAt.Equal(now) {
		t.Errorf("actor %v occurred %v recorded %v", e.Actor, e.OccurredAt, e.RecordedAt)
	}
	o, err := a.LabOrder.Handle(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.State().Tests) != 2 || o.Version() != 1 {
		t.Errorf("stored %+v v%d", o.State(), o.Version())
	}
}

func TestPlaceRejectsBadInputAndWritesNothing(t *testing.T) {
	a, s := newApp()
	cmd := placeCmd("P-1001")
	cmd.Tests[0].Code = "718-6"
	_, err := a.PlaceLabOrder.Handle(context.Background(), cmd)
	if !errors.Is(err, laborder.ErrInvalidLOINC) {
		t.Fatalf("got %v, want ErrInvalidLOINC", err)
	}
	if s.eventCount() != 0 {
		t.Error("a rejected order wrote an event")
	}
}

func TestPlaceReportsAStoreFailure(t *testing.T) {
	a, s := newApp()
	s.failWrites = errors.New("disk full")
	if _, err := a.PlaceLabOrder.Handle(context.Background(), placeCmd("P-1001")); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v, want the store's error", err)
	}
}

func TestPatientLabOrdersListsOnlyThePatients(t *testing.T) {
	a, _ := newApp()
	first := place(t, a)
	later := placeCmd("P-1001")
	later.OrderedAt = orderedAt.AddDate(0, 1, 0)
	second, err := a.PlaceLabOrder.Handle(context.Background(), later)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.PlaceLabOrder.Handle(context.Background(), placeCmd("P-2002")); err != nil {
		t.Fatal(err)
	}
	os, err := a.PatientLabOrders.Handle(context.Background(), "P-1001")
	if err != nil {
		t.Fatal(err)
	}
	if len(os) != 2 || os[0].ID() != first.ID || os[1].ID() != second.ID {
		t.Errorf("got %d orders, want %s then %s", len(os), first.ID, second.ID)
	}
}
