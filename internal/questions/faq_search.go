package questions

import (
	"context"
	"html/template"
	"strconv"

	"github.com/crocevia/crocevia/internal/platform/search"
)

// faqPageSize is the number of questions on a page of results or of a topic.
const faqPageSize = 10

// faqMaxPage caps paging: nobody reads page 500, and a deep offset makes
// the database read every row before it.
const faqMaxPage = 200

// faqSnippetSource is how much of a question and its answer the snippet
// looks through for the matched words: marking stems every word, and the
// start of a text is where its subject usually is.
const faqSnippetSource = 800

// faqMaxQuery caps the query's length, in bytes.
const faqMaxQuery = 200

// faqResults is one page of a search of the FAQ.
type faqResults struct {
	Total int // up to search.MaxCount+1: see More
	Page  int
	Hits  []faqHit
	// Corrected is the query actually run when the one typed found nothing
	// and a word one letter away did: "Forse cercavi".
	Corrected string
}

// faqHit is one question found, with the matched words marked.
type faqHit struct {
	ID        int64
	Title     template.HTML
	TitleText string
	Snippet   template.HTML
	TopicSlug string
	TopicName string
	Score     float64
}

// More reports whether more answers match than the count goes to.
func (r *faqResults) More() bool { return search.More(r.Total) }

// MaxCount is where the count stops.
func (r *faqResults) MaxCount() int { return search.MaxCount }

// searchFAQ runs a search of the published public questions, of one topic
// unless topic is nil. A query that finds nothing is tried once more with
// its misspelt words corrected.
func (s *faqStore) search(ctx context.Context, text string, topic *faqTopic, page int) (*faqResults, error) {
	req := search.Request{Kind: searchKind, Text: text, Limit: faqPageSize, Offset: (page - 1) * faqPageSize}
	if topic != nil {
		req.Tag = strconv.FormatInt(topic.ID, 10)
	}
	hits, total, err := search.Query(ctx, s.db, req)
	if err != nil {
		return nil, err
	}
	res := &faqResults{Total: total, Page: page}
	if total == 0 {
		fixed, ok, err := search.Suggest(ctx, s.db, searchKind, text)
		if err != nil || !ok {
			return res, err
		}
		req.Text, res.Corrected = fixed, fixed
		if hits, res.Total, err = search.Query(ctx, s.db, req); err != nil {
			return nil, err
		}
	}
	return res, s.fillHits(ctx, res, hits, req.Text)
}

// fillHits loads the questions of the hits, in rank order, and marks the
// query's words in their titles and snippets.
func (s *faqStore) fillHits(ctx context.Context, res *faqResults, hits []search.Hit, query string) error {
	ids := make([]int64, 0, len(hits))
	for _, h := range hits {
		if id, err := strconv.ParseInt(h.Ref, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	rows, err := s.hits(ctx, ids)
	if err != nil {
		return err
	}
	for _, h := range hits {
		id, _ := strconv.ParseInt(h.Ref, 10, 64)
		row, ok := rows[id]
		if !ok {
			continue
		}
		res.Hits = append(res.Hits, faqHit{ID: id, Title: search.Highlight(row.Title, query), TitleText: row.Title,
			Snippet:   search.Snippet(clip(plainText(row.Body+"\n\n"+row.Answer), faqSnippetSource), query, 240),
			TopicSlug: row.TopicSlug, TopicName: row.TopicName, Score: h.Score})
	}
	return nil
}
