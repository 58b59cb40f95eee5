package app

import (
	"context"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
)

// act is what a change of a study emits: the event's payload, when the act
// happened and who did it.
type act struct {
	payload contracts.Payload
	at      time.Time
	role    string
	who     string
}

// update applies one change to a stored study and returns the receipt of
// the event it emitted; apply changes the study and describes the act.
func update(ctx context.Context, store Store, id string, now func() time.Time, apply func(*study.Study) (act, error)) (Receipt, error) {
	var ev contracts.Event
	err := store.Update(ctx, id, func(s *study.Study) (contracts.Event, error) {
		a, err := apply(s)
		if err != nil {
			return contracts.Event{}, err
		}
		ev, err = newEvent(a.payload, a.at, s.Version(), a.role, a.who, now)
		return ev, err
	})
	if err != nil {
		return Receipt{}, err
	}
	return NewReceipt(ev), nil
}
