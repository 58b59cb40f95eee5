// Package idempotency makes commands safe to retry. A client sends an
// Idempotency-Key header with a command; the first successful answer to
// that key is saved in the service's own database IN THE SAME TRANSACTION as
// the command's state change and outbox row ([Record]), so the answer is
// saved if and only if the command took effect. A retry with the same key
// and the same request gets the saved answer back ([Store.Lookup]) and
// writes nothing; the same key with a different request is refused
// ([ErrKeyReused]). Two identical requests racing each other are resolved
// by the table's primary key: the second one's transaction fails with
// [ErrDuplicate], rolls back everything it wrote, and the caller replays the
// first one's answer.
//
// The key travels in the context ([WithKey]) from the HTTP edge, where it is
// read, to the repository, where the transaction is: the layers in between
// need not know about it. internal/httpx does the edge's part; a repository
// only calls [Record] inside its transaction:
//
//	err := db.InTx(ctx, func(tx *sqldb.Tx) error {
//		// ... write the state and outbox.Append the event ...
//		return idempotency.Record(ctx, tx, result) // no-op without a key
//	})
//
// Only successful answers are saved: a request that failed (invalid input,
// a conflict) wrote nothing, so running it again is harmless.
package idempotency
