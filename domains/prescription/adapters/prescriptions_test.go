package adapters_test

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func TestAddStoresTheRecordAndItsEvent(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		r := issue(t, f, "P-1001")
		p, err := f.store.Prescription(context.Background(), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		s := p.State()
		if p.Version() != 1 || s.PatientID != "P-1001" || len(s.Items) != 2 || s.Items[0].MedicationName != "Aspirin 100 mg tablet" || !s.IssuedAt.Equal(issuedAt) {
			t.Errorf("stored %+v v%d", s, p.Version())
		}
		want := []outboxRow{{EventID: r.EventID, AggregateID: r.ID, Type: "org.prontuario.prescription.PrescriptionIssued.v1", Version: 1}}
		if got := outboxRows(t, f.db); !reflect.DeepEqual(got, want) {
			t.Errorf("outbox %+v, want %+v", got, want)
		}
	})
}

func TestUpdateStoresTheNextVersionAndItsEventInOrder(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		r := issue(t, f, "P-1001")
		c, err := f.app.CancelPrescription.Handle(ctx, cancelCmd(r.ID))
		if err != nil {
			t.Fatal(err)
		}
		p, err := f.store.Prescription(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Version() != 2 || !p.Cancelled() || p.State().Cancellation.Reason != "Allergy reported" {
			t.Errorf("stored %+v v%d", p.State(), p.Version())
		}
		rows := outboxRows(t, f.db)
		if len(rows) != 2 || rows[0].Version != 1 || rows[1].Version != 2 || rows[1].EventID != c.EventID {
			t.Errorf("outbox %+v, want v1 then v2 (%s)", rows, c.EventID)
		}
	})
}

func TestUpdateRefusesAndWritesNothing(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		r := issue(t, f, "P-1001")
		if _, err := f.app.CancelPrescription.Handle(ctx, cancelCmd("RX-404")); !errors.Is(err, prescription.ErrNotFound) {
			t.Errorf("unknown id: %v, want ErrNotFound", err)
		}
		refused := errors.New("refused")
		err := f.store.Update(ctx, r.ID, func(p *prescription.Prescription) (contracts.Event, error) {
			if err := p.Cancel(cancelCmd(r.ID).CancelRequest); err != nil {
				t.Fatal(err)
			}
			return contracts.Event{}, refused
		})
		if !errors.Is(err, refused) {
			t.Errorf("got %v, want the change's error", err)
		}
		err = f.store.Update(ctx, r.ID, func(p *prescription.Prescription) (contracts.Event, error) {
			return contracts.Event{ID: "e", AggregateID: r.ID, AggregateVersion: 7}, p.Cancel(cancelCmd(r.ID).CancelRequest)
		})
		if err == nil {
			t.Error("stored an event of another version")
		}
		p, err := f.store.Prescription(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Version() != 1 || p.Cancelled() || len(outboxRows(t, f.db)) != 1 {
			t.Errorf("a refused update wrote: v%d cancelled %v, %d outbox rows", p.Version(), p.Cancelled(), len(outboxRows(t, f.db)))
		}
	})
}

func TestAFailureAfterTheStateWriteLeavesNeitherStateNorEvent(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		r := issue(t, f, "P-1001")

		restore := breakOutbox(t, f.db)
		_, addErr := f.app.IssuePrescription.Handle(ctx, issueCmd("P-1001", "ASA100"))
		_, updateErr := f.app.CancelPrescription.Handle(ctx, cancelCmd(r.ID))
		restore()

		if addErr == nil || updateErr == nil {
			t.Fatalf("with the outbox broken: add %v, update %v; want errors", addErr, updateErr)
		}
		if n := count(t, f.db, "prescriptions"); n != 1 {
			t.Errorf("%d prescriptions, want only the first", n)
		}
		p, err := f.store.Prescription(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Version() != 1 || p.Cancelled() {
			t.Errorf("the failed cancel is visible: v%d", p.Version())
		}
		if rows := outboxRows(t, f.db); len(rows) != 1 || rows[0].EventID != r.EventID {
			t.Errorf("outbox %+v, want only the first event", rows)
		}
	})
}

func TestConcurrentCancelsCancelOnce(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		r := issue(t, f, "P-1001")
		const n = 6
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				_, errs[i] = f.app.CancelPrescription.Handle(context.Background(), cancelCmd(r.ID))
			})
		}
		wg.Wait()
		ok, conflicts := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, prescription.ErrAlreadyCancelled):
				conflicts++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if ok != 1 || conflicts != n-1 {
			t.Errorf("%d cancels succeeded and %d conflicted, want 1 and %d", ok, conflicts, n-1)
		}
		if rows := outboxRows(t, f.db); len(rows) != 2 {
			t.Errorf("%d events, want 2", len(rows))
		}
	})
}

func TestPatientPrescriptionsAreThePatientsOldestFirst(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		later := issueCmd("P-1001", "ASA100")
		later.IssuedAt = issuedAt.AddDate(0, 0, 1)
		second, err := f.app.IssuePrescription.Handle(ctx, later)
		if err != nil {
			t.Fatal(err)
		}
		first := issue(t, f, "P-1001")
		issue(t, f, "P-2002")
		ps, err := f.store.PatientPrescriptions(ctx, "P-1001")
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 2 || ps[0].ID() != first.ID || ps[1].ID() != second.ID {
			t.Errorf("got %d prescriptions, want %s then %s", len(ps), first.ID, second.ID)
		}
		none, err := f.store.PatientPrescriptions(ctx, "P-404")
		if err != nil || none == nil || len(none) != 0 {
			t.Errorf("unknown patient: %v, %v", none, err)
		}
	})
}
