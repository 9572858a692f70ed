package questions

import (
	"encoding/json"
	"html/template"
	"strconv"
	"time"
)

// qaPage is the schema.org QAPage of an entry, as a JSON-LD script element,
// so search engines show the answer with its question.
func (f *FAQ) qaPage(e *faqEntry) template.HTML {
	q, a := e.Question, e.Answer
	url := f.baseURL + "/faq/" + strconv.FormatInt(q.ID, 10)
	answer := map[string]any{"@type": "Answer", "text": plainText(a.Body), "url": url, "upvoteCount": 0}
	if a.ValidatedAt != nil {
		answer["dateCreated"] = a.ValidatedAt.Format(time.RFC3339)
	}
	if a.AuthorityName != "" {
		answer["author"] = map[string]any{"@type": "Organization", "name": a.AuthorityName}
	}
	question := map[string]any{"@type": "Question", "name": q.Title, "text": q.Body, "answerCount": 1,
		"acceptedAnswer": answer, "dateCreated": q.CreatedAt.Format(time.RFC3339)}
	if q.PublishedAt != nil {
		question["datePublished"] = q.PublishedAt.Format(time.RFC3339)
	}
	buf, err := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "QAPage", "mainEntity": question})
	if err != nil {
		return ""
	}
	// Safe: json.Marshal escapes <, > and &, so the text cannot close the
	// script element; a JSON-LD block is data, which the CSP does not run.
	return template.HTML(`<script type="application/ld+json">` + string(buf) + `</script>`)
}
