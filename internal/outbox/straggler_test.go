package outbox_test

import (
	"sync"
	"testing"

	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// A transaction that took its outbox id before others but commits after the
// relay read past that id (a straggler) is still published, and before the
// later events of its record.
func TestRelayOnPostgresPublishesALateCommitBeforeItsRecordsLaterEvents(t *testing.T) {
	t.Parallel()
	db := openDB(t, postgresURL(t))
	late := encounterEvents(t, "late-P1", "late-E1", 2)

	// v1 takes the lowest id, and its transaction stays open.
	appended, release, committed := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		committed <- db.InTx(t.Context(), func(tx *sqldb.Tx) error {
			if err := outbox.Append(t.Context(), tx, late[0]); err != nil {
				return err
			}
			close(appended)
			<-release
			return nil
		})
	}()
	<-appended
	want := append(appendAll(t, db, "busy", 60, 5, 20), late...)

	var once sync.Once
	pub := &fakePublisher{}
	pub.onPub = func(n int) {
		if n < 50 {
			return
		}
		// The relay has read well past v1's id; commit it, then v2.
		once.Do(func() {
			close(release)
			if err := <-committed; err != nil {
				t.Errorf("commit v1: %v", err)
			}
			if err := db.InTx(t.Context(), func(tx *sqldb.Tx) error { return outbox.Append(t.Context(), tx, late[1]) }); err != nil {
				t.Errorf("append v2: %v", err)
			}
		})
	}
	startRelay(t, db, pub, outbox.RelayConfig{BatchSize: 10, Lanes: 2})
	eventually(t, "outbox drained", func() bool { return backlog(t, db) == 0 })
	checkDelivered(t, want, pub.deliveries())
	for _, d := range pub.deliveries() {
		if d.aggregateID == late[0].AggregateID {
			if d.version != 1 {
				t.Errorf("first delivery of the late record is version %d, want 1", d.version)
			}
			break
		}
	}
}
