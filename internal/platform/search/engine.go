package search

import (
	"context"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// engine is the dialect-specific half of the index: how a document is
// stored, and the SQL of a match. Both engines receive text already
// normalised, so they only split on spaces and never stem again.
type engine interface {
	index(ctx context.Context, q db.Querier, kind, ref, title, body string) error
	remove(ctx context.Context, q db.Querier, kind, ref string) error
	// search returns the SQL counting the documents that match every term
	// (limited to kind unless it is ""), the SQL of a page of them, best
	// first, and the arguments both take; the page also takes limit and
	// offset after them.
	search(terms []term, kind string) (count, hits string, args []any)
}

func engineFor(q db.Querier) engine {
	if q.Dialect() == db.Postgres {
		return postgresEngine{}
	}
	return sqliteEngine{}
}
