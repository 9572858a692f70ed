package db

import (
	"context"
	"database/sql"
	"strings"
)

// maxParams keeps a multi-row INSERT under both engines' limit on bound
// parameters (SQLite 32766, PostgreSQL 65535).
const maxParams = 30000

// Bulk writes many rows of one table in multi-row INSERTs. Full batches go
// through one statement prepared once per transaction; the last, shorter
// batch is sent as it is. It is for loading synthetic data in bulk, so it
// writes no audit entries: callers keep their transactions bounded.
type Bulk struct {
	tx    *Tx
	head  string
	row   string
	rows  int
	stmt  *sql.Stmt
	args  []any
	n     int
	Count int     // rows written so far
	deps  []*Bulk // written first: rows here refer to theirs
}

// After makes b write the rows queued in parents before each of its
// batches, so that its foreign keys find their rows (SQLite checks them
// at once).
func (b *Bulk) After(parents ...*Bulk) *Bulk {
	b.deps = append(b.deps, parents...)
	return b
}

// ReadyBulk readies tx for a bulk load (see Dialect.BulkLoad).
func ReadyBulk(ctx context.Context, tx *Tx) error {
	_, err := tx.ExecContext(ctx, tx.dialect.BulkLoad())
	return err
}

// NewBulk prepares to insert rows of cols into table, rows at a time (fewer
// when the columns would pass the parameter limit).
func NewBulk(tx *Tx, table string, cols []string, rows int) *Bulk {
	rows = max(1, min(rows, maxParams/len(cols)))
	return &Bulk{tx: tx, rows: rows,
		head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		row:  "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")",
		args: make([]any, 0, rows*len(cols))}
}

// Add queues one row, its values in column order, writing a full batch.
func (b *Bulk) Add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	b.n++
	if b.n == b.rows {
		return b.flush(ctx)
	}
	return nil
}

func (b *Bulk) query(n int) string {
	return b.tx.dialect.Rebind(b.head + strings.TrimSuffix(strings.Repeat(b.row+",", n), ","))
}

func (b *Bulk) flush(ctx context.Context) error {
	if b.n == 0 {
		return nil
	}
	for _, p := range b.deps {
		if err := p.flush(ctx); err != nil {
			return err
		}
	}
	var err error
	if b.n == b.rows {
		if b.stmt == nil {
			if b.stmt, err = b.tx.tx.PrepareContext(ctx, b.query(b.rows)); err != nil {
				return b.tx.dialect.mapErr(err)
			}
		}
		_, err = b.stmt.ExecContext(ctx, b.args...)
	} else {
		_, err = b.tx.tx.ExecContext(ctx, b.query(b.n), b.args...)
	}
	b.Count += b.n
	clear(b.args)
	b.args, b.n = b.args[:0], 0
	return b.tx.dialect.mapErr(err)
}

// Close writes the rows still queued and releases the statement.
func (b *Bulk) Close(ctx context.Context) error {
	err := b.flush(ctx)
	if b.stmt != nil {
		if cerr := b.stmt.Close(); err == nil {
			err = cerr
		}
		b.stmt = nil
	}
	return err
}

// NextID is the first id after the highest in table, for bulk loads that
// give their rows ids up front so that other rows can refer to them.
func NextID(ctx context.Context, q Querier, table string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM `+table).Scan(&id)
	return id, err
}

// SyncIDs moves table's id generator past the ids a bulk load wrote
// itself, so the next ordinary INSERT does not reuse one.
func SyncIDs(ctx context.Context, q Querier, table string) error {
	stmt := q.Dialect().SyncIdentity(table)
	if stmt == "" {
		return nil
	}
	_, err := q.ExecContext(ctx, stmt)
	return err
}
