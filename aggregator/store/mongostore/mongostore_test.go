package mongostore_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
	"github.com/prontuario/prontuario/aggregator/store/mongostore"
)

func TestConfigReportsEveryProblem(t *testing.T) {
	err := mongostore.Config{ActiveRefresh: -time.Second, BulkSize: 5000, ConnectTimeout: -1}.Validate()
	for _, want := range []string{"URI is required", "Database is required", "ActiveRefresh", "BulkSize 5000", "ConnectTimeout"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate error %v does not mention %q", err, want)
		}
	}
	if err := (mongostore.Config{URI: "mongodb://127.0.0.1:1", Database: "d"}).Validate(); err != nil {
		t.Errorf("minimal config: %v", err)
	}
}

// TestOtherProcessesSeeASwitchWithinTheRefreshInterval opens two stores on
// one database, as two processes would.
func TestOtherProcessesSeeASwitchWithinTheRefreshInterval(t *testing.T) {
	t.Parallel()
	cfg := config(t)
	cfg.ActiveRefresh = 50 * time.Millisecond
	admin, err := mongostore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	reader, err := mongostore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	next, err := admin.OpenGeneration(t.Context(), "2")
	if err != nil {
		t.Fatal(err)
	}
	p := history.NewPatient("P-1")
	if err := next.Commit(t.Context(), store.Batch{Patients: []history.Patient{p}}); err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Patient(t.Context(), "P-1"); !errors.Is(err, history.ErrNotFound) {
		t.Fatalf("reader sees generation 2 before the switch: %v", err)
	}
	if err := admin.ActivateGeneration(t.Context(), "2"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := reader.Patient(t.Context(), "P-1")
		if err == nil {
			break
		}
		if !errors.Is(err, history.ErrNotFound) || time.Now().After(deadline) {
			t.Fatalf("reader after the switch: %v", err)
		}
		time.Sleep(10 * time.Millisecond) // polling interval, not a wait for an outcome
	}
}

// TestConflictsAreFoundInEveryBulkChunk commits more documents than one
// bulk write holds, some of them stale, and expects exactly the stale ones
// reported.
func TestConflictsAreFoundInEveryBulkChunk(t *testing.T) {
	t.Parallel()
	cfg := config(t)
	cfg.BulkSize = 4
	s, err := mongostore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var encounters []history.Encounter
	for i := range 10 {
		encounters = append(encounters, history.NewEncounter("P-1", fmt.Sprintf("E-%02d", i)))
	}
	if err := s.Commit(t.Context(), store.Batch{Encounters: encounters}); err != nil {
		t.Fatal(err)
	}
	stale := map[string]bool{"E-01": true, "E-06": true, "E-09": true}
	for i := range encounters {
		if !stale[encounters[i].ID] {
			encounters[i].Revision = 1
		}
	}
	err = s.Commit(t.Context(), store.Batch{Encounters: encounters})
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("error %v, want store.ErrConflict", err)
	}
	for id := range stale {
		if !strings.Contains(err.Error(), "encounter "+id+" committed as new") {
			t.Errorf("conflict error does not name %s:\n%v", id, err)
		}
	}
	if n := strings.Count(err.Error(), "encounter E-"); n != len(stale) {
		t.Errorf("conflict error names %d encounters, want %d:\n%v", n, len(stale), err)
	}
	_, loaded, err := s.Load(t.Context(), nil, []string{"E-00", "E-05"})
	if err != nil || loaded["E-00"].Revision != 2 || loaded["E-05"].Revision != 2 {
		t.Fatalf("up-to-date encounters of the batch: %+v, %v; want them written at revision 2", loaded, err)
	}
}
