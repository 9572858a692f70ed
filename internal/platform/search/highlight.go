package search

import (
	"html/template"
	"strings"
	"unicode/utf8"
)

// Highlight returns text, HTML-escaped, with every word that the query would
// match wrapped in <mark>: the match is by stem, so searching "permessi"
// marks "permesso" in the original text, accents and case kept.
func Highlight(text, query string) template.HTML {
	return mark(text, 0, len(text), matcher(query))
}

// Snippet is Highlight on an excerpt of about size characters around the
// first match (the start of text when nothing matches), with an ellipsis
// where text was cut.
func Snippet(text, query string, size int) template.HTML {
	match := matcher(query)
	ws := words(text)
	first := 0
	for _, w := range ws {
		if match(w.stem) {
			first = w.start
			break
		}
	}
	start, end := window(text, first, size)
	out := mark(text, start, end, match)
	if start > 0 {
		out = "… " + out
	}
	if end < len(text) {
		out += " …"
	}
	return out
}

// matcher reports whether a word's stem matches one of the query's terms,
// with the same prefix rule as Query.
func matcher(query string) func(stem string) bool {
	terms := queryTerms(query)
	return func(stem string) bool {
		if stem == "" {
			return false
		}
		for _, t := range terms {
			if stem == t.stem || (t.prefix && strings.HasPrefix(stem, t.stem)) {
				return true
			}
		}
		return false
	}
}

// window picks about size bytes of text around byte offset at, a third of
// them before it, moved outwards to whole words.
func window(text string, at, size int) (start, end int) {
	if size <= 0 || len(text) <= size {
		return 0, len(text)
	}
	start = max(at-size/3, 0)
	end = min(start+size, len(text))
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	if i := strings.LastIndexAny(text[:start], " \n\t"); start > 0 && i >= 0 && start-i < 20 {
		start = i + 1
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	if i := strings.IndexAny(text[end:], " \n\t"); end < len(text) && i >= 0 && i < 20 {
		end += i
	}
	return start, end
}

// mark escapes text[start:end] and wraps the matching words in <mark>.
func mark(text string, start, end int, match func(string) bool) template.HTML {
	var b strings.Builder
	pos := start
	for _, w := range words(text[start:end]) {
		if !match(w.stem) {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[pos : start+w.start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[start+w.start : start+w.end]))
		b.WriteString("</mark>")
		pos = start + w.end
	}
	b.WriteString(template.HTMLEscapeString(text[pos:end]))
	// Safe: every byte of text went through HTMLEscapeString.
	return template.HTML(b.String())
}
