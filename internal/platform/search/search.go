// Package search is the platform's Italian full-text search, shared by the
// modules that need one (FAQ, magazine, directory). Text is normalised in Go
// (lowercase, accents folded, stop words dropped, Snowball Italian stems),
// so SQLite's FTS5 and PostgreSQL's text search index exactly the same terms
// and answer the same queries alike.
package search

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// Doc is one indexed document: Kind says which module owns it, as one
// lowercase word of letters and digits (e.g. "faq"); Ref is the owner's ID
// for it; Tag, optional, a category within the kind (the FAQ's topic) that
// a search may be limited to.
type Doc struct {
	Kind  string
	Ref   string
	Tag   string
	Title string
	Body  string
}

// Request is a search: Kind limits it to one module's documents ("" for
// all), Tag to one category of that kind ("" for all; only with a Kind).
type Request struct {
	Kind   string
	Tag    string
	Text   string
	Limit  int
	Offset int
}

// Hit is one matching document, best first; a higher Score is more relevant.
type Hit struct {
	Kind  string
	Ref   string
	Score float64
}

// Limits of a page of hits.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// MaxCount bounds the count of a query's matches: counting every match of
// a common word reads every matching document on PostgreSQL. Query reports
// MaxCount+1 for "more than MaxCount" (see More).
const MaxCount = 1000

// More reports whether a total from Query means "more than MaxCount".
func More(total int) bool { return total > MaxCount }

// RankWindow bounds the work of a query that matches many documents.
// Ranking reads every match, so a common word among 100,000 documents
// would cost a hundred milliseconds; beyond MaxCount matches only the
// RankWindow+1 most recently indexed ones are ranked (the newest answers
// are also the likeliest to be current), which is also as far as the
// count goes.
const RankWindow = MaxCount

var (
	errNoKey   = errors.New("search: document needs a kind and a ref")
	errBadKind = errors.New("search: kind must be lowercase letters and digits")
)

// validKind keeps kinds to one plain word: SQLite matches the kind inside
// the full-text index, where anything else would be split or read as syntax.
func validKind(kind string) bool {
	for _, r := range kind {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Index adds doc to the index or replaces the document with the same kind
// and ref. Call it in the transaction that saves the document, so the index
// never disagrees with the data.
func Index(ctx context.Context, q db.Querier, doc Doc) error {
	if doc.Kind == "" || doc.Ref == "" {
		return errNoKey
	}
	if !validKind(doc.Kind) {
		return errBadKind
	}
	e := engineFor(q)
	old, err := e.stored(ctx, q, doc.Kind, doc.Ref)
	if err != nil {
		return fmt.Errorf("search: index %s/%s: %w", doc.Kind, doc.Ref, err)
	}
	title, body := Normalize(doc.Title), Normalize(doc.Body)
	if err := e.index(ctx, q, doc.Kind, doc.Ref, doc.Tag, title, body); err != nil {
		return fmt.Errorf("search: index %s/%s: %w", doc.Kind, doc.Ref, err)
	}
	if err := countTerms(ctx, q, doc.Kind, old, title+" "+body); err != nil {
		return fmt.Errorf("search: vocabulary %s/%s: %w", doc.Kind, doc.Ref, err)
	}
	return nil
}

// Remove takes a document out of the index; removing one that is not there
// is not an error.
func Remove(ctx context.Context, q db.Querier, kind, ref string) error {
	e := engineFor(q)
	old, err := e.stored(ctx, q, kind, ref)
	if err == nil {
		err = e.remove(ctx, q, kind, ref)
	}
	if err == nil {
		err = countTerms(ctx, q, kind, old, "")
	}
	if err != nil {
		return fmt.Errorf("search: remove %s/%s: %w", kind, ref, err)
	}
	return nil
}

// Query returns one page of the documents matching every word of req.Text,
// most relevant first (a word in the title counts more than in the body),
// and how many match in all, up to MaxCount+1 (More). The last word also matches as a prefix, so a
// word still being typed finds its completions. Text made only of stop
// words matches nothing.
func Query(ctx context.Context, q db.Querier, req Request) ([]Hit, int, error) {
	if !validKind(req.Kind) {
		return nil, 0, errBadKind
	}
	terms := queryTerms(req.Text)
	if len(terms) == 0 {
		return nil, 0, nil
	}
	tag := req.Tag
	if req.Kind == "" {
		tag = ""
	}
	if err := completeWords(ctx, q, req.Kind, terms); err != nil {
		return nil, 0, err
	}
	pl := engineFor(q).search(terms, req.Kind, tag)
	limit, offset := page(req)
	if pl.counted != "" {
		return countedHits(ctx, q, pl, limit, offset)
	}
	var total int
	if err := q.QueryRowContext(ctx, pl.count, pl.countArgs...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("search: count: %w", err)
	}
	if total == 0 {
		return nil, 0, nil
	}
	hitsSQL, args := pl.hits, pl.hitsArgs
	if More(total) {
		hitsSQL, args = pl.windowed, pl.windowedArgs
	}
	hits, err := queryHits(ctx, q, hitsSQL, append(slices.Clone(args), limit, offset)...)
	return hits, total, err
}

// countedHits runs a plan whose page carries the count of the window it
// ranked: one query where the count would read the same rows again. A page
// past the end has no row to carry it, so the count is asked apart.
func countedHits(ctx context.Context, q db.Querier, pl plan, limit, offset int) ([]Hit, int, error) {
	rows, err := q.QueryContext(ctx, pl.counted, append(slices.Clone(pl.countedArgs), limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("search: query: %w", err)
	}
	defer rows.Close()
	var hits []Hit
	total := 0
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.Kind, &h.Ref, &h.Score, &total); err != nil {
			return nil, 0, fmt.Errorf("search: scan: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil || len(hits) > 0 || offset == 0 {
		return hits, total, err
	}
	err = q.QueryRowContext(ctx, pl.count, pl.countArgs...).Scan(&total)
	return nil, total, err
}

func page(req Request) (limit, offset int) {
	limit = req.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	return min(limit, MaxLimit), max(req.Offset, 0)
}

func queryHits(ctx context.Context, q db.Querier, query string, args ...any) ([]Hit, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search: query: %w", err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.Kind, &h.Ref, &h.Score); err != nil {
			return nil, fmt.Errorf("search: scan: %w", err)
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// completeWords drops the prefix match of the last word when the
// vocabulary of kind holds it as a whole word: the word was finished, and
// a prefix would make the engine merge every longer word starting with it
// (for "permess", dozens) before matching anything.
func completeWords(ctx context.Context, q db.Querier, kind string, terms []term) error {
	last := &terms[len(terms)-1]
	if !last.prefix || kind == "" {
		return nil
	}
	var docs int
	err := q.QueryRowContext(ctx, `SELECT docs FROM search_terms WHERE kind = ? AND term = ?`, kind, last.stem).Scan(&docs)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return nil
	case err != nil:
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	last.prefix = docs == 0
	return nil
}
