package search

import (
	"context"
	"errors"
	"slices"
	"strconv"
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

func (postgresEngine) index(ctx context.Context, q db.Querier, kind, ref, tag, title, body string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO search_index (kind, ref, tag, title, body, tsv)
		VALUES (?, ?, ?, ?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B'))
		ON CONFLICT (kind, ref) DO UPDATE SET tag = excluded.tag, title = excluded.title, body = excluded.body, tsv = excluded.tsv`,
		kind, ref, tag, title, body, title, body)
	return err
}

func (postgresEngine) stored(ctx context.Context, q db.Querier, kind, ref string) (string, error) {
	var title, body string
	err := q.QueryRowContext(ctx, `SELECT title, body FROM search_index WHERE kind = ? AND ref = ?`, kind, ref).Scan(&title, &body)
	if errors.Is(err, db.ErrNotFound) {
		return "", nil
	}
	return title + " " + body, err
}

func (postgresEngine) remove(ctx context.Context, q db.Querier, kind, ref string) error {
	_, err := q.ExecContext(ctx, `DELETE FROM search_index WHERE kind = ? AND ref = ?`, kind, ref)
	return err
}

func (postgresEngine) texts() string {
	return `SELECT title, body FROM search_index WHERE kind = ?`
}

// search quotes every stem as a tsquery lexeme and ANDs them; the last may
// be a prefix (:*). Its page ranks the newest matches, read walking the
// (kind, seq) index backwards and checking each row until there are
// RankWindow+1 of them: a condition on seq instead would leave the planner
// reading every match through the text index.
func (postgresEngine) search(terms []term, kind, tag string) plan {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = "'" + t.stem + "'"
		if t.prefix {
			parts[i] += ":*"
		}
	}
	args := []any{strings.Join(parts, " & ")}
	filter := ""
	if kind != "" {
		filter, args = " AND kind = ?", append(args, kind)
	}
	if tag != "" {
		filter, args = filter+" AND tag = ?", append(args, tag)
	}
	// The newest RankWindow+1 matches, read walking the (kind, seq) index
	// backwards for a common word or through the text index for a rare
	// one, are ranked and counted in the same pass.
	newest := `SELECT kind, ref, tsv FROM search_index WHERE tsv @@ to_tsquery('simple', ?)` + filter +
		` ORDER BY seq DESC LIMIT ` + strconv.Itoa(RankWindow+1)
	ranked := `SELECT kind, ref, ` + postgresRank + ` AS score, COUNT(*) OVER () AS n
		FROM (` + newest + `) AS w, to_tsquery('simple', ?) AS query`
	return plan{
		count:       `SELECT COUNT(*) FROM (SELECT 1 FROM search_index WHERE tsv @@ to_tsquery('simple', ?)` + filter + countLimit + `) AS c`,
		countArgs:   args,
		counted:     `SELECT kind, ref, score, n FROM (` + ranked + `) AS r ORDER BY score DESC, ref LIMIT ? OFFSET ?`,
		countedArgs: append(slices.Clone(args), args[0]),
	}
}
