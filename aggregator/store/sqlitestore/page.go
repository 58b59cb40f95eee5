package sqlitestore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/prontuario/prontuario/aggregator/history"
)

// pageQuery is one keyset page: the rows matching filter, after the cursor,
// in order; and the number of rows matching filter alone.
type pageQuery struct {
	table   string
	filter  conds // what the query selects
	cursor  conds // where the page starts
	orderBy string
	limit   int
}

// conds is a conjunction of SQL conditions with their arguments.
type conds struct {
	sql  []string
	args []any
}

func (c *conds) add(cond string, args ...any) {
	c.sql = append(c.sql, cond)
	c.args = append(c.args, args...)
}

func (c conds) where() string {
	if len(c.sql) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.sql, " AND ")
}

// readPage runs q in tx: documents decoded as T, Total, HasNext.
func readPage[T any](ctx context.Context, tx *sql.Tx, c *conn, q pageQuery) (history.Page[T], error) {
	var page history.Page[T]
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+q.table+q.filter.where(), q.filter.args...).Scan(&page.Total); err != nil {
		return page, err
	}
	all := conds{sql: append(append([]string{}, q.filter.sql...), q.cursor.sql...), args: append(append([]any{}, q.filter.args...), q.cursor.args...)}
	query := `SELECT doc FROM ` + q.table + all.where() + ` ORDER BY ` + q.orderBy + ` LIMIT ?`
	page.Items = make([]T, 0, q.limit)
	err := eachDoc(ctx, tx, c, query, append(all.args, q.limit+1), func(v T) { page.Items = append(page.Items, v) })
	if err != nil {
		return page, err
	}
	if len(page.Items) > q.limit {
		page.Items, page.HasNext = page.Items[:q.limit], true
	}
	return page, nil
}
