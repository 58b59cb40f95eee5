package outbox

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/sqldb"
	"github.com/prontuario/prontuario/internal/tracing"
)

// Channel is the [sqldb] notification channel [Append] notifies and the
// [Relay] listens on.
const Channel = "prontuario_outbox"

//go:embed migrations/*.sql
var migrations embed.FS

// Migrate creates or updates the outbox table.
func Migrate(ctx context.Context, db *sqldb.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	return sqldb.Migrate(ctx, db, "outbox", sub)
}

// Append validates e against its contract ([contracts.Encode]) and inserts
// it into the outbox within tx, so it is published if and only if tx
// commits; the relays are woken after the commit. An event without a
// correlation id or trace parent takes them from ctx: from [WithTrace], and
// the trace parent, failing that, from the span ctx carries.
func Append(ctx context.Context, tx *sqldb.Tx, e contracts.Event) error {
	trace := TraceFrom(ctx)
	if e.CorrelationID == "" {
		e.CorrelationID = trace.CorrelationID
	}
	if e.TraceParent == "" {
		e.TraceParent = trace.TraceParent
	}
	if e.TraceParent == "" {
		e.TraceParent = tracing.TraceParent(ctx)
	}
	msg, err := contracts.Encode(e)
	if err != nil {
		return fmt.Errorf("outbox: encode %s %s: %w", e.Type, e.ID, err)
	}
	headers, err := json.Marshal(msg.Headers)
	if err != nil {
		return fmt.Errorf("outbox: encode headers of %s: %w", e.ID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO outbox
		(event_id, topic, aggregate_id, aggregate_version, headers, body, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.Topic(), e.AggregateID, e.AggregateVersion, string(headers), string(msg.Body), time.Now().UnixNano())
	if err != nil {
		return fmt.Errorf("outbox: insert %s %s: %w", e.Type, e.ID, err)
	}
	if err := tx.Notify(ctx, Channel); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}
