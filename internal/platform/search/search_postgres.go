package search

import (
	"context"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// postgresEngine keeps a weighted tsvector per document. The text arrives
// already stemmed by the same Snowball stemmer SQLite gets, so the 'simple'
// configuration is used: it only splits on spaces. Stemming a second time
// with 'italian' could turn a stem into another word and make the two
// databases disagree.
type postgresEngine struct{}

// Weights of D, C, B, A: the title (A) weighs five times the body (B), as on
// SQLite; normalisation 1 divides by the log of the length, as bm25 does.
const postgresRank = `ts_rank('{0.1, 0.1, 0.2, 1.0}', tsv, query, 1)`

func (postgresEngine) index(ctx context.Context, q db.Querier, kind, ref, title, body string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO search_index (kind, ref, title, body, tsv)
		VALUES (?, ?, ?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B'))
		ON CONFLICT (kind, ref) DO UPDATE SET title = excluded.title, body = excluded.body, tsv = excluded.tsv`,
		kind, ref, title, body, title, body)
	return err
}

func (postgresEngine) remove(ctx context.Context, q db.Querier, kind, ref string) error {
	_, err := q.ExecContext(ctx, `DELETE FROM search_index WHERE kind = ? AND ref = ?`, kind, ref)
	return err
}

// search quotes every stem as a tsquery lexeme and ANDs them; the last may
// be a prefix (:*).
func (postgresEngine) search(terms []term, kind string) (count, hits string, args []any) {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = "'" + t.stem + "'"
		if t.prefix {
			parts[i] += ":*"
		}
	}
	args = []any{strings.Join(parts, " & ")}
	filter := ""
	if kind != "" {
		filter, args = " AND kind = ?", append(args, kind)
	}
	count = `SELECT COUNT(*) FROM search_index WHERE tsv @@ to_tsquery('simple', ?)` + filter
	hits = `SELECT kind, ref, ` + postgresRank + ` AS score FROM search_index, to_tsquery('simple', ?) AS query
		WHERE tsv @@ query` + filter + ` ORDER BY score DESC, ref LIMIT ? OFFSET ?`
	return count, hits, args
}
