package adapters_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/internal/idempotency"
)

func keyed(t *testing.T, value string) (context.Context, idempotency.Key) {
	t.Helper()
	k, err := idempotency.NewKey(value, "POST", "/v1/prescriptions", []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	return idempotency.WithKey(context.Background(), k), k
}

func TestTheAnswerToAnIdempotencyKeyIsSavedWithTheCommand(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx, k := keyed(t, "key-1")
		r, err := f.app.IssuePrescription.Handle(ctx, issueCmd("P-1001", "ASA100"))
		if err != nil {
			t.Fatal(err)
		}
		saved, err := idempotency.NewStore(f.db).Lookup(context.Background(), k)
		if err != nil {
			t.Fatal(err)
		}
		var got app.Receipt
		if err := json.Unmarshal(saved, &got); err != nil || got != r {
			t.Errorf("saved answer %s (%v), want %+v", saved, err, r)
		}

		// A request racing with the same key loses at commit and writes nothing.
		_, err = f.app.IssuePrescription.Handle(ctx, issueCmd("P-1001", "PCM500"))
		if !errors.Is(err, idempotency.ErrDuplicate) {
			t.Errorf("second command with the key: %v, want ErrDuplicate", err)
		}
		if n := count(t, f.db, "prescriptions"); n != 1 || len(outboxRows(t, f.db)) != 1 {
			t.Errorf("%d prescriptions and %d events after the duplicate, want 1 and 1", n, len(outboxRows(t, f.db)))
		}
	})
}

func TestNoAnswerIsSavedWhenTheCommandFails(t *testing.T) {
	eachDatabase(t, func(t *testing.T, f fixture) {
		ctx, k := keyed(t, "key-2")
		restore := breakOutbox(t, f.db)
		_, err := f.app.IssuePrescription.Handle(ctx, issueCmd("P-1001", "ASA100"))
		restore()
		if err == nil {
			t.Fatal("issued with the outbox broken")
		}
		if _, err := idempotency.NewStore(f.db).Lookup(context.Background(), k); !errors.Is(err, idempotency.ErrNotFound) {
			t.Errorf("lookup after a failed command: %v, want ErrNotFound", err)
		}
	})
}
