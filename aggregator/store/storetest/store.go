// Package storetest is the contract suite of the aggregator's read store:
// one set of tests that every adapter (sqlitestore, mongostore) runs
// against itself, as watermill's tests.TestPubSub does for Pub/Subs.
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(tb testing.TB) *sqlitestore.Store { ... a store on a fresh database ... })
//	}
//
// Each test opens its own store (its own database) and runs in parallel
// with the others. Data is kept small (tens of documents) because FerretDB
// scans a whole collection for every lookup.
package storetest

import (
	"context"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

// Store is the full method set of a read store adapter, as the contract
// suite exercises it. S is the adapter's own type, which OpenGeneration
// returns (e.g. *sqlitestore.Store).
type Store[S any] interface {
	// Write side.
	Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error)
	Commit(ctx context.Context, b store.Batch) error

	// Read side.
	Patient(ctx context.Context, id string) (history.Patient, error)
	Encounter(ctx context.Context, id string) (history.Encounter, error)
	Encounters(ctx context.Context, q history.EncounterQuery) (history.Page[history.Encounter], error)
	Patients(ctx context.Context, q history.PatientQuery) (history.Page[history.Patient], error)
	BillableItems(ctx context.Context, q history.BillableQuery) (history.Page[history.BillableItem], error)
	AuditTrail(ctx context.Context, q history.AuditQuery) (history.Page[history.AuditEntry], error)
	Freshness(ctx context.Context) ([]history.SourceFreshness, error)
	EventApplied(ctx context.Context, eventID string) (bool, error)

	// Access log, outside generations.
	AppendAccess(ctx context.Context, e history.AccessEntry) error
	AccessLog(ctx context.Context, q history.AccessQuery) (history.Page[history.AccessEntry], error)

	// Generations.
	OpenGeneration(ctx context.Context, name string) (S, error)
	ActivateGeneration(ctx context.Context, name string) error
	ActiveGeneration(ctx context.Context) (string, error)
	DropGeneration(ctx context.Context, name string) error

	Close() error
}
