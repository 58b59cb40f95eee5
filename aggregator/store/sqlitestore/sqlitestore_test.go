package sqlitestore_test

import (
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
)

func TestConfigReportsEveryProblem(t *testing.T) {
	if err := (sqlitestore.Config{Path: ":memory:"}).Validate(); err == nil {
		t.Errorf("Validate accepted :memory:, which the separate reader connections cannot share")
	}
	err := sqlitestore.Config{Synchronous: "OFF", BusyTimeout: -1, MaxReaders: -2}.Validate()
	for _, want := range []string{"Path is required", "Synchronous \"OFF\"", "BusyTimeout", "MaxReaders -2"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate error %v does not mention %q", err, want)
		}
	}
	if err := (sqlitestore.Config{Path: "x.db"}).Validate(); err != nil {
		t.Errorf("minimal config: %v", err)
	}
}

// TestReopenKeepsDataAndGeneration reopens a file, as a restart does, and
// opens a second store on it, as a second process does.
func TestReopenKeepsDataAndGeneration(t *testing.T) {
	t.Parallel()
	cfg := sqlitestore.Config{Path: filepath.Join(t.TempDir(), "new-dir", "history.db"), Synchronous: "normal"}
	first, err := sqlitestore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	next, err := first.OpenGeneration(t.Context(), "2")
	if err != nil {
		t.Fatal(err)
	}
	if err := next.Commit(t.Context(), store.Batch{Patients: []history.Patient{history.NewPatient("P-1")}}); err != nil {
		t.Fatal(err)
	}
	other, err := sqlitestore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := first.ActivateGeneration(t.Context(), "2"); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Patient(t.Context(), "P-1"); err != nil {
		t.Fatalf("the other store's next query after the switch: %v", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	reopened, err := sqlitestore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if got, err := reopened.ActiveGeneration(t.Context()); got != "2" || err != nil {
		t.Fatalf("active generation after reopening = %q, %v; want 2", got, err)
	}
	if p, err := reopened.Patient(t.Context(), "P-1"); err != nil || p.Revision != 1 {
		t.Fatalf("patient after reopening = %+v, %v", p, err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := sqlitestore.Open(t.Context(), sqlitestore.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err := sqlitestore.Open(t.Context(), sqlitestore.Config{Path: path}); err == nil || !strings.Contains(err.Error(), "newer") {
		if s != nil {
			s.Close()
		}
		t.Fatalf("opening a database of a newer schema: error %v, want a refusal", err)
	}
}

func TestDropLeavesNoTableBehind(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := sqlitestore.Open(t.Context(), sqlitestore.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.OpenGeneration(t.Context(), "old_one"); err != nil {
		t.Fatal(err)
	}
	if err := s.DropGeneration(t.Context(), "old_one"); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name LIKE 'g\_old\_one\_%' ESCAPE '\'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d tables or indexes of the dropped generation remain (%v)", n, err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name LIKE 'g\_1\_%' ESCAPE '\'`).Scan(&n); err != nil || n == 0 {
		t.Fatalf("the active generation has %d tables (%v): the check above proves nothing", n, err)
	}
	if err := s.ActivateGeneration(t.Context(), "old_one"); !errors.Is(err, store.ErrUnknownGeneration) {
		t.Fatalf("activating the dropped generation: %v", err)
	}
}
