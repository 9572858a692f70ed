package questions

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/crocevia/crocevia/internal/platform/search"
)

// Similar is a published FAQ answer that looks like a question being asked.
type Similar struct {
	ID    int64
	Title string
	score float64
}

// URL is the answer's public page.
func (s Similar) URL() string { return "/faq/" + strconv.FormatInt(s.ID, 10) }

const flowMaxSimilar = 5

// Similar finds published answers like title. The index matches every
// word of a query, which a whole title rarely does: the title is asked as
// a whole first, then word by word, and the scores add up.
func (s *Store) Similar(ctx context.Context, title string) ([]Similar, error) {
	scores := map[string]float64{}
	queries := append([]string{title}, flowLongWords(title, 6)...)
	for i, q := range queries {
		hits, _, err := search.Query(ctx, s.DB, search.Request{Kind: searchKind, Text: q, Limit: flowMaxSimilar})
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			w := h.Score
			if i == 0 {
				w *= 3 // the whole title matching beats any single word
			}
			scores[h.Ref] += w
		}
	}
	return s.similarTitles(ctx, scores)
}

// flowLongWords are the longest distinct words of text, at most n: short ones
// are mostly articles and prepositions.
func flowLongWords(text string, n int) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'à' && r <= 'ü' || r >= '0' && r <= '9')
	}) {
		if len([]rune(w)) >= 4 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out[:min(n, len(out))]
}

func (s *Store) similarTitles(ctx context.Context, scores map[string]float64) ([]Similar, error) {
	var out []Similar
	for ref, score := range scores {
		id, err := strconv.ParseInt(ref, 10, 64)
		if err != nil {
			continue
		}
		var title string
		err = s.DB.QueryRowContext(ctx, `SELECT title FROM questions WHERE id = ? AND state = ? AND visibility = ?`,
			id, string(Published), string(Public)).Scan(&title)
		if flowNoRows(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, Similar{ID: id, Title: title, score: score})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].ID < out[j].ID
	})
	return out[:min(flowMaxSimilar, len(out))], nil
}
