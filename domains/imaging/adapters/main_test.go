package adapters_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/imaging/adapters"
	"github.com/prontuario/prontuario/domains/imaging/domain/study"
	"github.com/prontuario/prontuario/internal/outbox"
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
		db := openDB(t, "sqlite:"+filepath.Join(t.TempDir(), "imaging.db"))
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
	now       = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	orderedAt = time.Date(2026, 3, 2, 10, 35, 0, 0, time.UTC)
)

func newStudy(t *testing.T, id, patientID string, at time.Time) *study.Study {
	t.Helper()
	s, err := study.Order(study.OrderInput{ID: id, PatientID: patientID, EncounterID: "E-1", Modality: "CT",
		ProcedureCode: "CTCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: at}, now)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// eventOf is the event a command would emit for s's current version.
func eventOf(t *testing.T, s *study.Study) contracts.Event {
	t.Helper()
	payloads := map[int64]contracts.Payload{
		1: contracts.ImagingStudyOrdered{ImagingStudyState: s.State()},
		2: contracts.ImagingStudyPerformed{ImagingStudyState: s.State()},
		3: contracts.ImagingReportFinalized{ImagingStudyState: s.State()},
	}
	p, ok := payloads[s.Version()]
	if !ok {
		p = contracts.ImagingReportAmended{ImagingStudyState: s.State()}
	}
	ev, err := contracts.NewEvent(p, contracts.Meta{OccurredAt: now, RecordedAt: now, AggregateVersion: s.Version()})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func perform(t *testing.T) func(*study.Study) (contracts.Event, error) {
	return func(s *study.Study) (contracts.Event, error) {
		if err := s.Perform(study.PerformInput{StudyInstanceUID: "1.2.840.1", Technologist: "T-3", PerformedAt: orderedAt.Add(time.Minute)}, now); err != nil {
			return contracts.Event{}, err
		}
		return eventOf(t, s), nil
	}
}

func report(t *testing.T) func(*study.Study) (contracts.Event, error) {
	return func(s *study.Study) (contracts.Event, error) {
		if err := s.FinalizeReport(study.ReportInput{Findings: "Clear.", Impression: "Normal.", Radiologist: "RAD-2", FinalizedAt: orderedAt.Add(time.Hour)}, now); err != nil {
			return contracts.Event{}, err
		}
		return eventOf(t, s), nil
	}
}

func versionsInOutbox(t *testing.T, db *sqldb.DB, id string) []int64 {
	t.Helper()
	pending, err := outbox.ListPending(t.Context(), db, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var vs []int64
	for _, p := range pending {
		if p.AggregateID == id {
			vs = append(vs, p.AggregateVersion)
		}
	}
	return vs
}

func storedVersion(t *testing.T, db *sqldb.DB, id string) int64 {
	t.Helper()
	var v int64
	if err := db.QueryRowContext(t.Context(), "SELECT version FROM imaging_studies WHERE id = ?", id).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
