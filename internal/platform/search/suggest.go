package search

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/crocevia/crocevia/internal/platform/db"
)

// minTypoRunes is the shortest word Suggest corrects: shorter words have
// too many neighbours one letter away to guess which was meant.
const minTypoRunes = 4

const alphabet = "abcdefghijklmnopqrstuvwxyz"

// Suggest corrects the words of text that no document of kind holds: each
// becomes the word one edit away (a letter dropped, added, changed or two
// swapped) whose stem the most documents hold. It returns the corrected
// text, accents and case of the other words kept, and whether any word
// changed. Call it when a query found nothing: a known word is never
// changed, so it cannot turn a right query into another.
func Suggest(ctx context.Context, q db.Querier, kind, text string) (string, bool, error) {
	var b strings.Builder
	pos, changed := 0, false
	for _, w := range words(text) {
		folded := fold(text[w.start:w.end])
		if w.stem == "" || utf8.RuneCountInString(folded) < minTypoRunes {
			continue
		}
		fix, err := correct(ctx, q, kind, w.stem, folded)
		if err != nil {
			return "", false, fmt.Errorf("search: suggest: %w", err)
		}
		if fix == "" {
			continue
		}
		b.WriteString(text[pos:w.start])
		b.WriteString(fix)
		pos, changed = w.end, true
	}
	b.WriteString(text[pos:])
	return b.String(), changed, nil
}

// correct returns the best known neighbour of a word, "" when the word is
// known itself or has no known neighbour.
func correct(ctx context.Context, q db.Querier, kind, known, folded string) (string, error) {
	byStem := map[string]string{known: ""}
	for _, c := range edits(folded) {
		s := stem(c)
		if s == "" {
			continue
		}
		// Of the spellings of one stem, keep the one that ends like the
		// word typed: its inflection is what the user meant.
		if prev, ok := byStem[s]; !ok || (!sameEnd(prev, folded) && sameEnd(c, folded)) {
			byStem[s] = c
		}
	}
	args := []any{kind}
	for s := range byStem {
		args = append(args, s)
	}
	rows, err := q.QueryContext(ctx, `SELECT term, docs FROM search_terms WHERE kind = ? AND docs > 0 AND term IN (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(args)-1), ", ")+`)`, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	best, bestDocs := "", 0
	for rows.Next() {
		var term string
		var docs int
		if err := rows.Scan(&term, &docs); err != nil {
			return "", err
		}
		if term == known {
			return "", rows.Close()
		}
		if docs > bestDocs || (docs == bestDocs && byStem[term] < best) {
			best, bestDocs = byStem[term], docs
		}
	}
	return best, rows.Err()
}

func sameEnd(a, b string) bool {
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeLastRuneInString(b)
	return ra == rb
}

// edits lists the strings one edit away from w (Norvig's four edits over
// the folded alphabet), duplicates included.
func edits(w string) []string {
	r := []rune(w)
	out := make([]string, 0, 54*len(r)+25)
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
		if i+1 < len(r) {
			out = append(out, string(r[:i])+string(r[i+1])+string(r[i])+string(r[i+2:]))
		}
		for _, c := range alphabet {
			if c != r[i] {
				out = append(out, string(r[:i])+string(c)+string(r[i+1:]))
			}
		}
	}
	for i := 0; i <= len(r); i++ {
		for _, c := range alphabet {
			out = append(out, string(r[:i])+string(c)+string(r[i:]))
		}
	}
	return out
}
