package adapters_test

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/lab/domain/laborder"
)

func TestEveryChangeStoresTheFullRecordAndItsEventInVersionOrder(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		r := place(t, f, "P-1001")
		if _, err := f.app.RecordLabResult.Handle(ctx, resultCmd(r.ID, "2823-3", 5.9)); err != nil {
			t.Fatal(err)
		}
		hb := resultCmd(r.ID, "718-7", 13.5)
		hb.Unit, hb.ReferenceRange = "g/dL", contracts.ReferenceRange{Low: ptr(12), High: ptr(16)}
		if _, err := f.app.RecordLabResult.Handle(ctx, hb); err != nil {
			t.Fatal(err)
		}
		if _, err := f.app.CorrectLabResult.Handle(ctx, correctCmd(r.ID)); err != nil {
			t.Fatal(err)
		}
		o, err := f.store.Order(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		rs := o.State().Results
		if o.Version() != 4 || len(rs) != 2 || rs[0].Code != "718-7" || *rs[0].ReferenceRange.Low != 12 {
			t.Fatalf("stored v%d %+v", o.Version(), rs)
		}
		if k := rs[1]; k.Value != 4.2 || k.Status != "corrected" || len(k.Corrections) != 1 || k.Corrections[0].PreviousValue != 5.9 {
			t.Errorf("corrected potassium %+v", k)
		}
		var types []string
		for i, row := range outboxRows(t, f.db) {
			if row.AggregateID != r.ID || row.Version != int64(i+1) {
				t.Errorf("outbox row %d: %+v", i, row)
			}
			types = append(types, row.Type)
		}
		want := []string{"org.prontuario.lab.LabOrderPlaced.v1", "org.prontuario.lab.LabResultRecorded.v1", "org.prontuario.lab.LabResultRecorded.v1", "org.prontuario.lab.LabResultCorrected.v1"}
		if !reflect.DeepEqual(types, want) {
			t.Errorf("event types %v, want %v", types, want)
		}
	})
}

func TestUpdateRefusesAndWritesNothing(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		r := place(t, f, "P-1001")
		if _, err := f.app.RecordLabResult.Handle(ctx, resultCmd("LO-404", "2823-3", 4)); !errors.Is(err, laborder.ErrNotFound) {
			t.Errorf("unknown order: %v, want ErrNotFound", err)
		}
		if _, err := f.app.CorrectLabResult.Handle(ctx, correctCmd(r.ID)); !errors.Is(err, laborder.ErrResultNotFound) {
			t.Errorf("correction without a result: %v, want ErrResultNotFound", err)
		}
		err := f.store.Update(ctx, r.ID, func(o *laborder.Order) (contracts.Event, error) {
			return contracts.Event{ID: "e", AggregateID: r.ID, AggregateVersion: 1}, o.RecordResult(resultCmd(r.ID, "2823-3", 4).ResultRequest)
		})
		if err == nil {
			t.Error("stored an event of another version")
		}
		o, err := f.store.Order(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if o.Version() != 1 || len(o.State().Results) != 0 || len(outboxRows(t, f.db)) != 1 {
			t.Errorf("a refused update wrote: v%d %+v", o.Version(), o.State().Results)
		}
	})
}

func TestAFailureAfterTheStateWriteLeavesNeitherStateNorEvent(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		r := place(t, f, "P-1001")

		restore := breakOutbox(t, f.db)
		_, addErr := f.app.PlaceLabOrder.Handle(ctx, placeCmd("P-1001"))
		_, updateErr := f.app.RecordLabResult.Handle(ctx, resultCmd(r.ID, "2823-3", 4))
		restore()

		if addErr == nil || updateErr == nil {
			t.Fatalf("with the outbox broken: add %v, update %v; want errors", addErr, updateErr)
		}
		os, err := f.store.PatientOrders(ctx, "P-1001")
		if err != nil {
			t.Fatal(err)
		}
		if len(os) != 1 || os[0].Version() != 1 || len(os[0].State().Results) != 0 {
			t.Errorf("a failed command is visible: %d orders, first at v%d", len(os), os[0].Version())
		}
		if rows := outboxRows(t, f.db); len(rows) != 1 || rows[0].EventID != r.EventID {
			t.Errorf("outbox %+v, want only the first event", rows)
		}
	})
}

func TestConcurrentResultsOnOneOrderAreNotLost(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		r := place(t, f, "P-1001")
		codes := []string{"718-7", "2823-3"}
		errs := make([]error, len(codes))
		var wg sync.WaitGroup
		for i, code := range codes {
			wg.Go(func() {
				_, errs[i] = f.app.RecordLabResult.Handle(context.Background(), resultCmd(r.ID, code, 4))
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		o, err := f.store.Order(context.Background(), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if o.Version() != 3 || len(o.State().Results) != 2 {
			t.Errorf("v%d with %d results, want v3 with both", o.Version(), len(o.State().Results))
		}
		rows := outboxRows(t, f.db)
		if len(rows) != 3 || rows[1].Version != 2 || rows[2].Version != 3 {
			t.Errorf("outbox %+v, want versions 1, 2, 3 in order", rows)
		}
	})
}

func TestPatientOrdersAreThePatientsOldestFirst(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		later := placeCmd("P-1001")
		later.OrderedAt = orderedAt.AddDate(0, 0, 1)
		second, err := f.app.PlaceLabOrder.Handle(ctx, later)
		if err != nil {
			t.Fatal(err)
		}
		first := place(t, f, "P-1001")
		place(t, f, "P-2002")
		os, err := f.store.PatientOrders(ctx, "P-1001")
		if err != nil {
			t.Fatal(err)
		}
		if len(os) != 2 || os[0].ID() != first.ID || os[1].ID() != second.ID {
			t.Errorf("got %d orders, want %s then %s", len(os), first.ID, second.ID)
		}
		none, err := f.store.PatientOrders(ctx, "P-404")
		if err != nil || none == nil || len(none) != 0 {
			t.Errorf("unknown patient: %v, %v", none, err)
		}
	})
}
