package search

import (
	"context"
	"errors"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// sqliteEngine keeps documents in the FTS5 table search_index; search_docs
// gives each (kind, ref) a stable rowid, which FTS5 cannot enforce itself.
type sqliteEngine struct{}

// Column weights for bm25 in the order of search_index's columns (kind, ref,
// title, body): a word in the title weighs five times one in the body, as
// weight A against B does on PostgreSQL.
const sqliteRank = `bm25(0.0, 0.0, 5.0, 1.0)`

func (sqliteEngine) index(ctx context.Context, q db.Querier, kind, ref, title, body string) error {
	var rowid int64
	err := q.QueryRowContext(ctx, `INSERT INTO search_docs (kind, ref) VALUES (?, ?)
		ON CONFLICT (kind, ref) DO UPDATE SET kind = excluded.kind RETURNING rowid_ref`, kind, ref).Scan(&rowid)
	if err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM search_index WHERE rowid = ?`, rowid); err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (?, ?, ?, ?, ?)`,
		rowid, kind, ref, title, body)
	return err
}

func (sqliteEngine) remove(ctx context.Context, q db.Querier, kind, ref string) error {
	var rowid int64
	err := q.QueryRowContext(ctx, `DELETE FROM search_docs WHERE kind = ? AND ref = ? RETURNING rowid_ref`,
		kind, ref).Scan(&rowid)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `DELETE FROM search_index WHERE rowid = ?`, rowid)
	return err
}

// search quotes every stem, so nothing the user types is read as FTS5
// syntax, and ANDs them; the last may be a prefix. The kind is matched in
// the index too: filtering it outside would read every matching row.
// ORDER BY rank lets FTS5 sort by bm25 itself and read only the rows of the
// page.
func (sqliteEngine) search(terms []term, kind string) (count, hits string, args []any) {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = `"` + t.stem + `"`
		if t.prefix {
			parts[i] += "*"
		}
	}
	expr := "{title body}: (" + strings.Join(parts, " ") + ")"
	if kind != "" {
		expr = `kind: "` + kind + `" AND ` + expr
	}
	count = `SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?`
	hits = `SELECT kind, ref, -rank FROM search_index
		WHERE search_index MATCH ? AND rank MATCH '` + sqliteRank + `' ORDER BY rank LIMIT ? OFFSET ?`
	return count, hits, []any{expr}
}
