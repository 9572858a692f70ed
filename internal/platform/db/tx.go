package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Querier is what both *DB and *Tx offer: storage helpers take one so they
// run inside or outside a transaction alike.
type Querier interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *Row
	Dialect() Dialect
}

// Tx is a transaction opened at the service edge. Now is taken once, so every
// row written by one action carries the same time.
type Tx struct {
	tx      *sql.Tx
	dialect Dialect
	Now     time.Time
}

// Dialect returns the database dialect of the transaction.
func (t *Tx) Dialect() Dialect { return t.dialect }

// ExecContext runs a statement in the transaction.
func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	res, err := t.tx.ExecContext(ctx, t.dialect.Rebind(q), args...)
	return res, t.dialect.mapErr(err)
}

// QueryContext runs a query in the transaction.
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	rows, err := t.tx.QueryContext(ctx, t.dialect.Rebind(q), args...)
	return rows, t.dialect.mapErr(err)
}

// QueryRowContext runs a query returning at most one row in the transaction.
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *Row {
	return &Row{row: t.tx.QueryRowContext(ctx, t.dialect.Rebind(q), args...), dialect: t.dialect}
}

// InsertID runs an INSERT ... RETURNING id and returns the new id; both
// engines support RETURNING, so no LastInsertId special case is needed.
func InsertID(ctx context.Context, q Querier, query string, args ...any) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, query+" RETURNING id", args...).Scan(&id)
	return id, err
}

// Row wraps sql.Row so that "no rows" becomes ErrNotFound.
type Row struct {
	row     *sql.Row
	dialect Dialect
}

// Scan copies the row into dest, returning ErrNotFound when there is none.
func (r *Row) Scan(dest ...any) error {
	err := r.row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return r.dialect.mapErr(err)
}

// InTx runs fn in a transaction, committing when fn returns nil. On SQLite
// the transaction takes the write lock at BEGIN (see SQLiteDSN), so a
// read-then-write inside fn never fails half-way with SQLITE_BUSY.
func (d *DB) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", d.dialect.mapErr(err))
	}
	tx := &Tx{tx: sqlTx, dialect: d.dialect, Now: time.Now().UTC().Truncate(time.Microsecond)}
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", d.dialect.mapErr(err))
	}
	return nil
}

// IDs runs a query of one integer column and returns its values in order:
// the shape of every "which records" read.
func IDs(ctx context.Context, q Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
