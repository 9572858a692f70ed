package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// termBatch bounds the rows of one upsert of the vocabulary: three
// arguments each stay well under both engines' parameter limits.
const termBatch = 300

// countTerms moves the vocabulary of kind from a document's old normalised
// text to its new one: each stem counts the documents holding it, so a stem
// gained adds one, a stem lost takes one away. Counts that reach zero stay
// as rows and are ignored by Suggest: deleting them would scan the kind.
func countTerms(ctx context.Context, q db.Querier, kind, old, new string) error {
	before, after := stemSet(old), stemSet(new)
	delta := map[string]int{}
	for s := range after {
		if !before[s] {
			delta[s]++
		}
	}
	for s := range before {
		if !after[s] {
			delta[s]--
		}
	}
	return addTerms(ctx, q, kind, delta)
}

func stemSet(normalised string) map[string]bool {
	set := map[string]bool{}
	for _, s := range strings.Fields(normalised) {
		set[s] = true
	}
	return set
}

// addTerms adds each delta to its stem's count, in batches.
func addTerms(ctx context.Context, q db.Querier, kind string, delta map[string]int) error {
	// Sorted, so that two transactions upserting the same stems take
	// their row locks in the same order and cannot deadlock.
	stems := slices.Sorted(maps.Keys(delta))
	var args []any
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		rows := strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(args)/3), ", ")
		_, err := q.ExecContext(ctx, `INSERT INTO search_terms (kind, term, docs) VALUES `+rows+
			q.Dialect().Upsert("kind, term", "docs = search_terms.docs + excluded.docs"), args...)
		args = args[:0]
		return err
	}
	for _, s := range stems {
		n := delta[s]
		if n == 0 {
			continue
		}
		args = append(args, kind, s, n)
		if len(args) >= termBatch*3 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// RebuildVocabulary recounts the vocabulary of kind from its indexed
// documents: for data loaded without Index, or a vocabulary that drifted.
func RebuildVocabulary(ctx context.Context, q db.Querier, kind string) error {
	rows, err := q.QueryContext(ctx, engineFor(q).texts(), kind)
	if err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	counts := map[string]int{}
	for rows.Next() {
		var title, body string
		if err := rows.Scan(&title, &body); err != nil {
			rows.Close()
			return fmt.Errorf("search: vocabulary: %w", err)
		}
		for s := range stemSet(title + " " + body) {
			counts[s]++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM search_terms WHERE kind = ?`, kind); err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	return addTerms(ctx, q, kind, counts)
}
