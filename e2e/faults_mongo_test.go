package e2e

import (
	"testing"

	"github.com/prontuario/prontuario/e2e/harness"
)

// TestCrashesOnTheMongoDBReadStore: the crash cycles of TestCrashes with the
// aggregator on the MongoDB adapter (FerretDB, or PRONTUARIO_TEST_MONGODB_URI),
// which has no transactions: a kill between the documents and the rest of a
// commit must be repaired by the redelivery. Fewer patients: FerretDB scans
// a table for every lookup.
func TestCrashesOnTheMongoDBReadStore(t *testing.T) {
	h := newHospital(t, harness.Options{ReadStore: "mongodb", MongoURI: shared.mongo.URI(), MongoDatabase: shared.mongo.NewDatabaseName(t)})
	crashCycle(t, h, max(crashPatients/3, 4))
}
