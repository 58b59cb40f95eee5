package e2e

import (
	"testing"

	"github.com/prontuario/prontuario/e2e/harness"
)

// The scenarios that leave every process running share one hospital per
// read-store configuration (SQLite, and the MongoDB adapter over the wire to
// FerretDB or to PRONTUARIO_TEST_MONGODB_URI); each uses patients of its own.
// The broker outage runs on the SQLite read store only (it exercises the
// outbox, the relay and consumer offsets, not the read store); the crash
// cycles run on both (faults_mongo_test.go), with fewer patients on the
// MongoDB adapter, as FerretDB scans a table for every lookup.

func TestScenariosOnTheSQLiteReadStore(t *testing.T) {
	h := newHospital(t, harness.Options{ReadStore: "sqlite"})
	t.Run("happy_path", func(t *testing.T) { happyPath(t, h) })
	t.Run("partial_records_heal", func(t *testing.T) { partialRecords(t, h) })
	t.Run("read_your_writes", func(t *testing.T) { readYourWrites(t, h) })
	t.Run("duplicates_change_nothing", func(t *testing.T) { duplicates(t, h) })
	t.Run("poison_is_dead_lettered", func(t *testing.T) { poison(t, h) })
	t.Run("rebuild_equals_live", func(t *testing.T) { rebuildWhileServing(t, h) })
}

func TestScenariosOnTheMongoDBReadStore(t *testing.T) {
	h := newHospital(t, harness.Options{ReadStore: "mongodb", MongoURI: shared.mongo.URI(), MongoDatabase: shared.mongo.NewDatabaseName(t)})
	t.Run("happy_path", func(t *testing.T) { happyPath(t, h) })
	t.Run("partial_records_heal", func(t *testing.T) { partialRecords(t, h) })
	t.Run("read_your_writes", func(t *testing.T) { readYourWrites(t, h) })
	t.Run("duplicates_change_nothing", func(t *testing.T) { duplicates(t, h) })
	t.Run("poison_is_dead_lettered", func(t *testing.T) { poison(t, h) })
	t.Run("rebuild_equals_live", func(t *testing.T) { rebuildWhileServing(t, h) })
}
