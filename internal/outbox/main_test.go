package outbox_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/outbox"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

// waitFor bounds every wait of these tests.
const waitFor = 60 * time.Second

// pg is the test PostgreSQL server, nil when its binaries are missing.
var pg *pgtest.Cluster

func TestMain(m *testing.M) {
	if os.Getenv(envChildDB) != "" {
		os.Exit(runChildRelay())
	}
	var err error
	pg, err = pgtest.StartCluster()
	if err != nil && !errors.Is(err, pgtest.ErrNoPostgres) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if pg != nil {
		_ = pg.Stop()
	}
	os.Exit(code)
}

// eachDialect runs test on a migrated SQLite database and on a migrated
// PostgreSQL database (skipped when PostgreSQL is not installed).
func eachDialect(t *testing.T, test func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		test(t, openDB(t, "sqlite:"+filepath.Join(t.TempDir(), "outbox.db")))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		test(t, openDB(t, postgresURL(t)))
	})
}

func postgresURL(t testing.TB) string {
	t.Helper()
	if pg == nil {
		t.Skip("PostgreSQL server binaries not installed")
	}
	return pg.NewDatabase(t)
}

func openDB(t testing.TB, url string) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(t.Context(), url, nil)
	if err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := outbox.Migrate(t.Context(), db); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return db
}

// encounterEvents returns the first n events of one encounter: it is opened
// (version 1), then triaged again and again (versions 2..n).
func encounterEvents(t testing.TB, patientID, encounterID string, n int) []contracts.Event {
	t.Helper()
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	s := contracts.EncounterState{
		PatientID: patientID, EncounterID: encounterID,
		Patient:   contracts.Patient{ID: patientID, Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
		ArrivedAt: at, Status: contracts.EncounterStatusOpen,
	}
	events := make([]contracts.Event, 0, n)
	for v := 1; v <= n; v++ {
		var p contracts.Payload = contracts.EncounterOpened{EncounterState: s}
		if v > 1 {
			if s.Triage != nil {
				s.SupersededTriage = append(s.SupersededTriage, *s.Triage)
			}
			s.Triage = &contracts.TriageAssessment{
				Acuity: 3, ChiefComplaint: "Chest pain", NurseID: "N-17",
				Vitals:     contracts.Vitals{HeartRate: 90 + v%20, Systolic: 130, Diastolic: 85, RespiratoryRate: 16, TemperatureC: 37, SpO2: 97, PainScore: 5},
				AssessedAt: at.Add(time.Duration(v) * time.Minute),
			}
			p = contracts.TriageRecorded{EncounterState: s}
		}
		e, err := contracts.NewEvent(p, contracts.Meta{
			OccurredAt: at.Add(time.Duration(v) * time.Minute), RecordedAt: time.Now(),
			AggregateVersion: int64(v), Actor: contracts.Actor{ID: "N-17", Role: "nurse"},
		})
		if err != nil {
			t.Fatalf("NewEvent: %v", err)
		}
		events = append(events, e)
	}
	return events
}

// appendAll appends the events of records encounters, each with versions
// events, interleaving the records as concurrent commands would; perTx
// events share a transaction.
func appendAll(t testing.TB, db *sqldb.DB, prefix string, records, versions, perTx int) []contracts.Event {
	t.Helper()
	var all []contracts.Event
	byRecord := make([][]contracts.Event, records)
	for i := range byRecord {
		byRecord[i] = encounterEvents(t, fmt.Sprintf("%s-P%d", prefix, i%7), fmt.Sprintf("%s-E%d", prefix, i), versions)
	}
	for v := range versions {
		for i := range byRecord {
			all = append(all, byRecord[i][v])
		}
	}
	for start := 0; start < len(all); start += perTx {
		chunk := all[start:min(start+perTx, len(all))]
		err := db.InTx(t.Context(), func(tx *sqldb.Tx) error {
			for _, e := range chunk {
				if err := outbox.Append(t.Context(), tx, e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("append: %v", err)
		}
	}
	return all
}

func backlog(t testing.TB, db *sqldb.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM outbox").Scan(&n); err != nil {
		t.Fatalf("count outbox: %v", err)
	}
	return n
}
