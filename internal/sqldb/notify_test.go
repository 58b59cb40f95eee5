package sqldb_test

import (
	"errors"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/sqldb"
)

// quiet is how long a test waits to be confident a signal will not come.
const quiet = 300 * time.Millisecond

func TestListenIsWokenOnlyByCommittedNotifications(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		db := open(t, url)
		woken, err := db.Listen(t.Context(), "things")
		if err != nil {
			t.Fatalf("Listen: %v", err)
		}
		_ = db.InTx(t.Context(), func(tx *sqldb.Tx) error {
			if err := tx.Notify(t.Context(), "things"); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			return errors.New("roll back")
		})
		if received(woken, quiet) {
			t.Error("woken by a rolled-back transaction")
		}
		err = db.InTx(t.Context(), func(tx *sqldb.Tx) error {
			if err := tx.Notify(t.Context(), "other"); err != nil {
				return err
			}
			return tx.Notify(t.Context(), "things")
		})
		if err != nil {
			t.Fatalf("InTx: %v", err)
		}
		if !received(woken, 10*time.Second) {
			t.Error("not woken by a committed notification")
		}
	})
}

func TestListenOnPostgresIsWokenByAnotherProcess(t *testing.T) {
	t.Parallel()
	if pg == nil {
		t.Skip("PostgreSQL server binaries not installed")
	}
	url := pg.NewDatabase(t)
	listener, writer := open(t, url), open(t, url) // two pools stand for two processes
	woken, err := listener.Listen(t.Context(), "things")
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	if err := writer.InTx(t.Context(), func(tx *sqldb.Tx) error { return tx.Notify(t.Context(), "things") }); err != nil {
		t.Fatalf("InTx: %v", err)
	}
	if !received(woken, 10*time.Second) {
		t.Error("listener in another pool not woken by NOTIFY")
	}
}

func TestNotifyAndListenRejectNamesThatAreNotIdentifiers(t *testing.T) {
	t.Parallel()
	db := open(t, "sqlite:"+t.TempDir()+"/x.db")
	if _, err := db.Listen(t.Context(), "bad name; DROP"); err == nil {
		t.Error("Listen accepted a channel name that is not an identifier")
	}
	err := db.InTx(t.Context(), func(tx *sqldb.Tx) error { return tx.Notify(t.Context(), "Bad-Name") })
	if err == nil {
		t.Error("Notify accepted a channel name that is not an identifier")
	}
}

// A Listen whose LISTEN connection cannot be opened at first still hears
// this process's commits at once, and other processes' once a background
// retry connects.
func TestListenWhoseConnectionFailsHearsThisProcessAndConnectsLater(t *testing.T) {
	t.Parallel()
	if pg == nil {
		t.Skip("PostgreSQL server binaries not installed")
	}
	url := pg.NewDatabase(t)
	listener, writer := open(t, url), open(t, url) // two pools stand for two processes
	connected := sqldb.FailListenConnects(listener, 2)
	woken, err := listener.Listen(t.Context(), "things")
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	if err := listener.InTx(t.Context(), func(tx *sqldb.Tx) error { return tx.Notify(t.Context(), "things") }); err != nil {
		t.Fatalf("InTx: %v", err)
	}
	if !received(woken, 10*time.Second) {
		t.Fatal("not woken by this process's commit while LISTEN fails")
	}
	select {
	case <-connected: // after backoffs of 100 and 200 ms
	case <-time.After(10 * time.Second):
		t.Fatal("LISTEN was not retried in the background")
	}
	// The connection signals once when it is made; the second round can
	// only be woken by the other process's NOTIFY.
	for round := 1; round <= 2; round++ {
		select {
		case <-woken:
		default:
		}
		if err := writer.InTx(t.Context(), func(tx *sqldb.Tx) error { return tx.Notify(t.Context(), "things") }); err != nil {
			t.Fatalf("InTx: %v", err)
		}
		if !received(woken, 10*time.Second) {
			t.Fatalf("round %d: not woken by another process's NOTIFY after reconnecting", round)
		}
	}
}
