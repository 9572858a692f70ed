package web

import (
	"context"
	"database/sql"
)

// Querier is what QueryOptions needs of a database or a transaction.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// QueryOptions reads the choices of a select from a query of two columns,
// value and label, in the query's order.
func QueryOptions(ctx context.Context, q Querier, query string, args ...any) ([]Option, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Option
	for rows.Next() {
		var o Option
		if err := rows.Scan(&o.Value, &o.Label); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
