package sqlitestore_test

import (
	"testing"

	"github.com/prontuario/prontuario/aggregator/store/storetest"
)

func TestBatchContract(t *testing.T) {
	storetest.RunBatch(t, open)
}
