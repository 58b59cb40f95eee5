package mongostore

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/check"
)

// MaxBatchQueries caps the queries of one EncountersOfPatients call: one
// page of patients.
const MaxBatchQueries = history.MaxPageSize

// batchConcurrency bounds the finds one EncountersOfPatients runs at once.
const batchConcurrency = 8

// EncountersOfPatients answers several encounter queries (typically one per
// patient of a page) in one call: the i-th page answers qs[i], as Encounters
// would. The generation is resolved once and the per-patient finds run
// concurrently (at most batchConcurrency at a time), so a page of patients
// costs about one round trip per batchConcurrency patients instead of one
// per patient. One aggregation with a per-patient limit would be a single
// round trip, but FerretDB 1.x cannot run it (NOTES.md: $group keeps only
// its first accumulator, $push ignores $slice).
func (s *Store) EncountersOfPatients(ctx context.Context, qs []history.EncounterQuery) ([]history.Page[history.Encounter], error) {
	if len(qs) > MaxBatchQueries {
		return nil, fmt.Errorf("%d encounter queries in one batch; at most %d", len(qs), MaxBatchQueries)
	}
	for _, q := range qs {
		if err := check.EncounterQuery(q); err != nil {
			return nil, err
		}
	}
	c, err := s.collections(ctx)
	if err != nil {
		return nil, fmt.Errorf("read encounters of %d patients: %w", len(qs), err)
	}
	pages := make([]history.Page[history.Encounter], len(qs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(batchConcurrency)
	for i, q := range qs {
		g.Go(func() error {
			page, err := readPage(gctx, c.encounters, encounterPage(q), func(d encounterDoc) history.Encounter { return d.Encounter })
			if err != nil {
				return fmt.Errorf("encounters of patient %s: %w", q.PatientID, err)
			}
			pages[i] = page
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("read encounters of %d patients: %w", len(qs), err)
	}
	return pages, nil
}
