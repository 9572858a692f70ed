package search

import (
	"context"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// engine is the dialect-specific half of the index: how a document is
// stored, and the SQL of a match. Both engines receive text already
// normalised, so they only split on spaces and never stem again.
type engine interface {
	index(ctx context.Context, q db.Querier, kind, ref, tag, title, body string) error
	remove(ctx context.Context, q db.Querier, kind, ref string) error
	// stored returns the normalised title and body of a document, "" when
	// it is not indexed: what the vocabulary must forget when it changes.
	stored(ctx context.Context, q db.Querier, kind, ref string) (string, error)
	// texts is the SQL of the normalised title and body of every document
	// of a kind (its one argument).
	texts() string
	// search plans a query for the documents that match every term,
	// limited to kind unless it is "" and to tag unless it is "".
	search(terms []term, kind, tag string) plan
}

func engineFor(q db.Querier) engine {
	if q.Dialect() == db.Postgres {
		return postgresEngine{}
	}
	return sqliteEngine{}
}

// plan is the SQL of a search: how many documents match (up to
// MaxCount+1), a page of them best first, and the same page ranked among
// the RankWindow+1 most recently indexed matches only; or, when counted is
// set, one query for the page whose rows also carry the count. The pages
// also take limit and offset after their arguments.
type plan struct {
	counted      string
	countedArgs  []any
	count        string
	countArgs    []any
	hits         string
	hitsArgs     []any
	windowed     string
	windowedArgs []any
}

// countLimit stops a count at MaxCount+1 matches.
var countLimit = " LIMIT " + strconv.Itoa(MaxCount+1)
