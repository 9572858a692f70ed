package search

import (
	"context"
	"errors"
	"slices"
	"strconv"
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

func (sqliteEngine) index(ctx context.Context, q db.Querier, kind, ref, tag, title, body string) error {
	var rowid int64
	err := q.QueryRowContext(ctx, `INSERT INTO search_docs (kind, ref, tag) VALUES (?, ?, ?)
		ON CONFLICT (kind, ref) DO UPDATE SET tag = excluded.tag RETURNING rowid_ref`, kind, ref, tag).Scan(&rowid)
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

func (sqliteEngine) stored(ctx context.Context, q db.Querier, kind, ref string) (string, error) {
	var title, body string
	err := q.QueryRowContext(ctx, `SELECT i.title, i.body FROM search_docs d JOIN search_index i ON i.rowid = d.rowid_ref
		WHERE d.kind = ? AND d.ref = ?`, kind, ref).Scan(&title, &body)
	if errors.Is(err, db.ErrNotFound) {
		return "", nil
	}
	return title + " " + body, err
}

func (sqliteEngine) texts() string {
	return `SELECT i.title, i.body FROM search_docs d JOIN search_index i ON i.rowid = d.rowid_ref WHERE d.kind = ?`
}

// search quotes every stem, so nothing the user types is read as FTS5
// syntax, and ANDs them; the last may be a prefix. The count matches the
// kind in the index too: filtering it outside would read every matching
// row. The ranked pages filter the kind outside the index instead: bm25
// weighs every phrase of the expression by how many documents hold it, and
// for the kind's phrase that is a walk over every document of the kind on
// each query. ORDER BY rank lets FTS5 sort by bm25 itself and read only
// the rows of the page. The tag sits outside the full-text index, in
// search_docs: the filter reads the tag's rowids once.
func (sqliteEngine) search(terms []term, kind, tag string) plan {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = `"` + t.stem + `"`
		if t.prefix {
			parts[i] += "*"
		}
	}
	words := "{title body}: (" + strings.Join(parts, " ") + ")"
	matchAll, matchWords, filter := []any{words}, []any{words}, ""
	if kind != "" {
		matchAll = []any{`kind: "` + kind + `" AND ` + words}
		filter, matchWords = " AND kind = ?", append(matchWords, kind)
	}
	if tag != "" {
		tagged := ` AND rowid IN (SELECT rowid_ref FROM search_docs WHERE kind = ? AND tag = ?)`
		filter += tagged
		matchAll = append(matchAll, kind, tag)
		matchWords = append(matchWords, kind, tag)
	}
	allFilter := strings.TrimPrefix(filter, " AND kind = ?")
	rank := ` AND rank MATCH '` + sqliteRank + `' ORDER BY rank LIMIT ? OFFSET ?`
	hits := `SELECT kind, ref, -rank FROM search_index WHERE search_index MATCH ?` + filter
	// The window: FTS5 walks its doclists backwards by rowid to the
	// (RankWindow+1)-th newest match, then ranks within a rowid range,
	// which it reads directly.
	window := ` AND rowid >= (SELECT rowid FROM search_index WHERE search_index MATCH ?` + allFilter +
		` ORDER BY rowid DESC LIMIT 1 OFFSET ` + strconv.Itoa(RankWindow) + `)`
	return plan{
		count:     `SELECT COUNT(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ?` + allFilter + countLimit + `)`,
		countArgs: matchAll,
		hits:      hits + rank, hitsArgs: matchWords,
		windowed: hits + window + rank, windowedArgs: append(slices.Clone(matchWords), matchAll...),
	}
}
