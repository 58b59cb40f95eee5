package storetest

import (
	"fmt"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

// benchBatch is the number of encounters per benchmarked Commit.
const benchBatch = 100

// BenchCommit measures Commit in batches of 100 encounters, each with every
// kind of record (about 6 KB of BSON), and reports encounters/s: "insert"
// writes new encounters, "replace" rewrites the same 100 from their
// revision, as the consumer does once encounters exist.
func BenchCommit[S Store[S]](b *testing.B, open func(tb testing.TB) S) {
	b.Run("insert", func(b *testing.B) {
		s := open(b)
		written := 0
		for b.Loop() {
			encounters := make([]history.Encounter, benchBatch)
			for i := range encounters {
				encounters[i] = fullEncounter(fmt.Sprintf("E-%09d", written), fmt.Sprintf("P-%08d", written/10))
				written++
			}
			if err := s.Commit(b.Context(), store.Batch{Encounters: encounters}); err != nil {
				b.Fatalf("commit: %v", err)
			}
		}
		b.ReportMetric(float64(written)/b.Elapsed().Seconds(), "encounters/s")
	})
	b.Run("replace", func(b *testing.B) {
		s := open(b)
		encounters := make([]history.Encounter, benchBatch)
		for i := range encounters {
			encounters[i] = fullEncounter(fmt.Sprintf("E-%09d", i), fmt.Sprintf("P-%08d", i/10))
		}
		written := 0
		for b.Loop() {
			if err := s.Commit(b.Context(), store.Batch{Encounters: encounters}); err != nil {
				b.Fatalf("commit: %v", err)
			}
			for i := range encounters {
				encounters[i].Revision++
			}
			written += benchBatch
		}
		b.ReportMetric(float64(written)/b.Elapsed().Seconds(), "encounters/s")
	})
}
