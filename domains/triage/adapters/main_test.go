package adapters_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/adapters"
	"github.com/prontuario/prontuario/domains/triage/domain/encounter"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/testinfra/pgtest"
)

var pg *pgtest.Cluster

func TestMain(m *testing.M) {
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

// eachDialect runs the contract test against a Store on SQLite and on
// PostgreSQL (skipped when PostgreSQL is not installed).
func eachDialect(t *testing.T, test func(t *testing.T, db *sqldb.DB, s *adapters.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		db := openDB(t, "sqlite:"+filepath.Join(t.TempDir(), "triage.db"))
		test(t, db, adapters.NewStore(db))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		if pg == nil {
			t.Skip("PostgreSQL server binaries not installed")
		}
		db := openDB(t, pg.NewDatabase(t))
		test(t, db, adapters.NewStore(db))
	})
}

func openDB(t *testing.T, url string) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(t.Context(), url, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := adapters.Migrate(t.Context(), db); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	return db
}

var (
	now     = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	arrival = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
)

func newEncounter(t *testing.T, id, patientID string, arrivedAt time.Time) *encounter.Encounter {
	t.Helper()
	e, err := encounter.Open(encounter.OpenInput{
		ID: id, ArrivedAt: arrivedAt,
		Patient: encounter.PatientInput{ID: patientID, Name: "Maria Oliveira", BirthDate: "1985-07-10", Sex: "female"},
	}, now)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func triage(at time.Time) encounter.AssessmentInput {
	return encounter.AssessmentInput{Acuity: 3, ChiefComplaint: "Chest pain", NurseID: "N-17", AssessedAt: at,
		Vitals: encounter.VitalsInput{HeartRate: 96, Systolic: 142, Diastolic: 88, RespiratoryRate: 18, TemperatureC: 37.2, SpO2: 97, PainScore: 6}}
}
