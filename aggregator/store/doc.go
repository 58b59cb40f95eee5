// Package store defines the aggregator's read store: where the history
// documents built by history.Apply are kept, and what GraphQL reads. The
// package holds what every adapter shares (the write Batch and the errors);
// the adapters are sqlitestore (embedded, the default) and mongostore
// (production), and storetest is the contract suite both must pass.
//
// # Write side
//
// The consumer shell loads the documents a batch of events touches (Load),
// applies the events in memory, then writes everything once with Commit:
// one write per touched document, never one per event. Patients and
// encounters carry the Revision they were loaded at (0 = new): Commit stores
// Revision+1 only when the stored revision is still the loaded one, and
// otherwise fails with ErrConflict, after which the shell reloads and
// re-applies. The projection is idempotent, so re-applying events that were
// partly written before (a crash, a conflict) is always safe. The shell
// acknowledges Kafka offsets only after Commit returns.
//
// # Document size
//
// A patient's history is one small patient document plus one document per
// encounter (package history), so 10,000 records spread over a patient's
// visits stay far below MongoDB's 16 MB per document; reading one encounter
// reads one document, and a patient's encounters are paged through an
// index. Only a single encounter with tens of thousands of record versions
// could approach the limit. Both adapters refuse a document over
// MaxDocumentBytes before writing anything (ErrDocumentTooLarge): the
// consumer logs it as an error and retries the batch with backoff, blocking
// that partition rather than dropping or truncating clinical records, and
// prontuario_aggregator_commit_errors_total grows; splitting such an
// encounter is an operator's decision.
//
// # Read side
//
// Every list is a keyset page of at most history.MaxPageSize items with the
// total number matching and whether more follow. Unknown patients and
// encounters are history.ErrNotFound; malformed queries are ErrInvalidQuery.
//
// # Generations
//
// All read-model data except the access log lives in a named generation
// (DefaultGeneration at first). Readers follow the active generation;
// `aggregator rebuild` writes a new generation from the topics' beginning,
// activates it atomically and drops the old one. The access log is not
// derived from events and survives every switch.
package store
