package readstore

import (
	"context"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/mongostore"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
)

// BatchStore is the batch part of the read side: what the GraphQL API uses
// to read the encounters of a page of patients, and to log the reads of a
// request, in one call each.
type BatchStore interface {
	EncountersOfPatients(ctx context.Context, qs []history.EncounterQuery) ([]history.Page[history.Encounter], error)
	AppendAccessBatch(ctx context.Context, es []history.AccessEntry) error
}

var (
	_ BatchStore = (*sqlitestore.Store)(nil)
	_ BatchStore = (*mongostore.Store)(nil)
)
