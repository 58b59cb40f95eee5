package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
	"github.com/prontuario/prontuario/contracts"
)

// Freshness returns, sorted by source, one record per source that has
// applied events or dead letters, with AppliedCount and DeadLettered counted
// now from the audit entries and dead letters.
func (s *Store) Freshness(ctx context.Context) ([]history.SourceFreshness, error) {
	bySource := map[contracts.Source]*history.SourceFreshness{}
	get := func(src string) *history.SourceFreshness {
		f, ok := bySource[contracts.Source(src)]
		if !ok {
			f = &history.SourceFreshness{Source: contracts.Source(src), Offsets: map[string]int64{}}
			bySource[f.Source] = f
		}
		return f
	}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := s.generationOf(ctx, tx)
		if err != nil {
			return err
		}
		return readFreshness(ctx, tx, t, get)
	})
	if err != nil {
		return nil, fmt.Errorf("read freshness: %w", err)
	}
	out := make([]history.SourceFreshness, 0, len(bySource))
	for _, src := range slices.Sorted(maps.Keys(bySource)) {
		out = append(out, *bySource[src])
	}
	return out, nil
}

func readFreshness(ctx context.Context, tx *sql.Tx, t tables, get func(string) *history.SourceFreshness) error {
	err := eachRow(ctx, tx, `SELECT source, newest_event_time, newest_applied_at FROM `+t.freshness, func(r *sql.Rows) error {
		var src, eventTime, appliedAt string
		if err := r.Scan(&src, &eventTime, &appliedAt); err != nil {
			return err
		}
		f := get(src)
		var err error
		if f.NewestEventTime, err = codec.ParseTimeKey(eventTime); err != nil {
			return err
		}
		f.NewestAppliedAt, err = codec.ParseTimeKey(appliedAt)
		return err
	})
	if err != nil {
		return err
	}
	steps := []struct {
		query string
		put   func(f *history.SourceFreshness, partition string, n int64)
	}{
		{`SELECT source, partition, last_offset FROM ` + t.offsets,
			func(f *history.SourceFreshness, p string, n int64) { f.Offsets[p] = n }},
		{`SELECT source, '', count(*) FROM ` + t.audit + ` GROUP BY source`,
			func(f *history.SourceFreshness, _ string, n int64) { f.AppliedCount = n }},
		{`SELECT source, '', count(*) FROM ` + t.deadLetters + ` WHERE source != '' GROUP BY source`,
			func(f *history.SourceFreshness, _ string, n int64) { f.DeadLettered = n }},
	}
	for _, step := range steps {
		err := eachRow(ctx, tx, step.query, func(r *sql.Rows) error {
			var src, partition string
			var n int64
			if err := r.Scan(&src, &partition, &n); err != nil {
				return err
			}
			step.put(get(src), partition, n)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// eachRow runs query and calls scan for each row.
func eachRow(ctx context.Context, tx *sql.Tx, query string, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
