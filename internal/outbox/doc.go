// Package outbox implements the transactional outbox: a command writes its
// state change and its event in one database transaction ([Append]), and a
// [Relay] publishes the committed events to Kafka afterwards, so an event is
// published if and only if its change was committed.
//
// Delivery is at least once and in order per record: the relay deletes a row
// only after the broker acknowledged it, so a crash between the two re-sends
// it (consumers deduplicate by event id or aggregate version). Rows are read
// oldest first, in batches, and published through several concurrent lanes,
// each record's events always going through the same lane (hashed by
// aggregate id) one after another. On PostgreSQL the lanes persist across
// batches: the next batch is read (and the acknowledged rows deleted in
// bulk, in the same statement) while the previous one is still being
// published, until the relay has caught up; on SQLite the next batch starts
// when every lane has finished. A lane stops at its first failure, so a
// record's later events never overtake an earlier one that failed; the relay
// then finishes the rows in flight, backs off exponentially (capped) and
// retries. Commands never wait for the broker:
// with Kafka down they keep committing and the outbox grows; when it comes
// back the backlog drains in order.
//
// The relay sleeps until woken: by a commit that appended to the outbox (in
// this process through [sqldb.Tx.Notify]; on PostgreSQL also from other
// processes through LISTEN/NOTIFY), by [Relay.Notify], or by a poll as a
// fallback. If LISTEN fails, commits of this process still wake the relay
// and LISTEN is retried in the background. On PostgreSQL any number of
// relays may run against one database: a relay drains under a session
// advisory lock held on its own connection (released when it has caught up,
// or by the server when the process dies), so one relay drains at a time
// and the others stand by. On SQLite run one relay per
// database file.
//
// Observability: [NewCollector] exports the backlog, the age of its oldest
// event and the relay's published and failed counts to Prometheus. Each
// event keeps the W3C traceparent of the command that caused it (from the
// context of [Append]); the relay publishes it in a span that continues
// that trace ([RelayConfig].Tracing) and hands the span's traceparent on in
// the Kafka headers.
//
// Usage:
//
//	// At start: outbox.Migrate(ctx, db), then
//	relay, err := outbox.NewRelay(db, publisher, outbox.RelayConfig{}, logger)
//	go relay.Run(ctx) // returns when ctx is done, after finishing the rows in flight
//
//	// In a command's transaction:
//	err := db.InTx(ctx, func(tx *sqldb.Tx) error {
//		if err := repo.save(ctx, tx, record); err != nil {
//			return err
//		}
//		return outbox.Append(ctx, tx, event)
//	})
package outbox
